"""The public checker "Can the Ombudsman help?": the visitor's answers become the same `Facts`
the staff admissibility assistant reads (ombuds/complaints/admissibility.py); this package only
words the result for the public and says where to go."""
