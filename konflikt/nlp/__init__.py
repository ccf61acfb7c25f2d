"""konflikt.nlp"""
