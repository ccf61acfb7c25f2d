"""konflikt.extract"""
