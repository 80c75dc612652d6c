"""Outgoing mail: an outbox table written in the caller's transaction, drained over SMTP."""
