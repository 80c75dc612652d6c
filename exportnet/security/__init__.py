"""Response headers and redirect safety shared by every feature."""
