"""Inquiries: a buyer writes to an exporter company about a product (or the company
answers the buyer's buying request with an offer), and they talk.

models       Inquiry, InquiryMessage, InquiryRead (last read per user), InquiryEvent
             (sent/offered/read/replied/closed), InquiryDraft (an anonymous draft)
rules        field checks shared by forms and services
services     sending, replying, closing, reading, reporting spam (the transactions)
offer_threads  a company's offer on a buying request opens a thread (seller writes first)
queries      inboxes, the thread a user may see, unread counts
abuse        duplicate-message refusal and the per-user rate limit
attachments  PDF and picture attachments, checked by content, stored privately
drafts       the anonymous visitor's form, kept across logging in
mails        the mail to the other party, in each recipient's language
views        the blueprint (compose_views: writing a new inquiry)
"""
