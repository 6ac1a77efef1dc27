"""Small pure text helpers that parse and extract share (no Django).

parse runs before extract and never imports it, so what both need lives here:
morph.py (the one pymorphy3 analyser), scripts.py (which alphabet a word is
in), particles.py (the small words of Arabic, Dutch ... names), surnames.py (a
Russian surname in the nominative) and months.py (month names).
"""
