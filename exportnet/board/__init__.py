"""The industry-information board: agency posts in Markdown, PDF attachments, comments."""
