"""Trade agencies: organisations covering economies, their officers, exporter verification,
and the audit log of what officers and admins did.

models     Agency, AgencyEconomy, AgencyMember, VerificationRequest, AuditLog
terms      verification statuses and audit actions, with their labels
queries    reading agencies, officers and verification requests
audit      writing and reading the audit log
documents  the optional evidence document: checked like inquiry attachments, kept private
services   submitting, approving, rejecting and revoking verification (the transactions)
mails      the decision mail to the company's members
forms, views  the exporter's and the officers' pages
"""
