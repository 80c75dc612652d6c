"""Demo data: one login per role and a believable catalog."""
