"""The reader's pages: views, feeds, the events calendar, charts and form widgets; urls.py maps them."""
