"""Tests of the hand-written production client, `didit_sdk` (issue 5)."""
