"""konflikt.export"""
