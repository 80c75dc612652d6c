"""Uploaded files. Pictures: decoded within a budget, cleaned, re-encoded, stored by content.

`images.process_image` turns untrusted upload bytes into fixed JPEG renditions (or an
`ImageRejected` with a translated message); `storage.MediaStorage` keeps them under
content-addressed names; `views.bp` serves them at `/media/<key>/<rendition>.jpg`.
Originals are never stored or served.

Private uploads (PDFs and pictures that only some may see) share what does not depend on
their kind: `pdf.pdf_problem` recognises a PDF by its bytes, `private_files` keeps files
under random names in a private folder and sends them as downloads, and `atomic_write`
writes every file of this package without ever showing half of it.
"""
