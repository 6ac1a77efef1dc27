"""The editors' admin: apps.py (the admin app and its site), site.py (who may enter, the editors' own
screens), registry.py (what editors edit), review.py (the review screen and its queue), measure.py (how
often the machine was right)."""
