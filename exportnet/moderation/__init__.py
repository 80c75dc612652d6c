"""Reports of unwanted content (spam, abuse) from any feature, and the queue they land in.

A report names its target generically (`target_type` such as "inquiry", "board_post",
"board_comment", and the target's id), so every feature files reports the same way and
the agency's moderation queue reads them from one table.
"""
