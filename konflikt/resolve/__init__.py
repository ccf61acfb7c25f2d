"""konflikt.resolve"""
