"""Trade notices: selling offers, buying requests, partnership calls and trade events."""
