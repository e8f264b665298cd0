"""What the system covers, in one place: seasons with timing data, the archive's span, and
how long a question may be.

The HTTP schema, the use cases and the interpreters read these; a bound stated twice
drifts (a question the schema let through was once refused later for its length).
"""

from __future__ import annotations

# FastF1's live timing archive starts in 2018: earlier seasons are archive-only.
FIRST_TIMED_SEASON = 2018
# The Ergast archive (results, standings) starts with the first championship.
FIRST_ARCHIVE_SEASON = 1950
# The latest season with results in the recorded archive; later ones are the future.
LAST_ARCHIVE_SEASON = 2025

# Longest question, in characters after trimming: a long question is several questions or
# pasted text, and the web form stops at the same length.
MAX_QUESTION_LENGTH = 500
