"""Tests of the hand-written production client, `didit_toolkit` (issue 5)."""
