"""Uploaded pictures: decoded within a budget, cleaned, re-encoded and stored by content.

`images.process_image` turns untrusted upload bytes into fixed JPEG renditions (or an
`ImageRejected` with a translated message); `storage.MediaStorage` keeps them under
content-addressed names; `views.bp` serves them at `/media/<key>/<rendition>.jpg`.
Originals are never stored or served.
"""
