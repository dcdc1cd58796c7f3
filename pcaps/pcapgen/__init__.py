"""Building blocks for pcaps/make_captures.py: one small function per protocol layer.

Standard library only. Every builder returns the layer's bytes with its payload
appended; checksums are computed so that Wireshark reports none as bad.
"""
