"""Administration: agencies and their officers, users and roles, the audit log.

agencies       creating agencies, the economies they cover, officers (transactions)
users          searching users, changing roles, disabling and enabling (transactions)
forms          the admin forms
views          dashboard, agencies        views_users  users, roles, the audit log

Every page is for admins only (404 for anyone else); every change is audit-logged.
"""
