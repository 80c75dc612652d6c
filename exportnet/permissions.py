"""Every authorization rule, by name. Views and templates ask these, nothing else.

Templates reach this module as `can`: `{% if can.manage_agency(current_user) %}`.
"""

from __future__ import annotations

from typing import Any

from exportnet.accounts.models import Role
from exportnet.agency.queries import officer_economies
from exportnet.notices.terms import Kind


def _role(user: Any) -> str | None:
    return getattr(user, "role", None) if getattr(user, "is_authenticated", False) else None


def is_verified(user: Any) -> bool:
    """The user has confirmed their email address.

    Unverified users can log in, browse, edit their profile and change their password.
    What reaches other people or the outside needs a confirmed address: publishing
    (company profile, products, notices, board posts), sending inquiries, and creating
    API tokens. Features that do those things ask this permission.
    """
    return bool(
        getattr(user, "is_authenticated", False) and getattr(user, "email_verified_at", None)
    )


def is_admin(user: Any) -> bool:
    return _role(user) == Role.ADMIN.value


def is_exporter(user: Any) -> bool:
    return _role(user) == Role.EXPORTER.value


def is_agency(user: Any) -> bool:
    return _role(user) in {Role.AGENCY.value, Role.ADMIN.value}


def edit_company(user: Any, company: Any) -> bool:
    if is_admin(user):
        return True
    return is_exporter(user) and company is not None and user.company_id == company.id


def view_company(user: Any, company: Any) -> bool:
    """Hidden companies are seen only by their members and admins."""
    if company is None:
        return False
    return not company.hidden or edit_company(user, company)


def manage_own_company(user: Any) -> bool:
    """An exporter attached to a company: 'My company' and 'My products'."""
    return is_exporter(user) and user.company_id is not None


def edit_product(user: Any, product: Any) -> bool:
    """Create, edit and delete listings: members of the owning company, and admins."""
    return product is not None and edit_company(user, product.company)


def view_product(user: Any, product: Any) -> bool:
    """Published listings of visible companies for all; the rest for who may edit them."""
    if product is None:
        return False
    if product.is_published and not product.company.hidden:
        return True
    return edit_product(user, product)


# Trade notices: who posts which kind; the posting user (exporters: their company) edits.
NOTICE_KINDS_BY_ROLE: dict[str, tuple[str, ...]] = {
    Role.EXPORTER.value: tuple(k.value for k in Kind),
    Role.BUYER.value: (Kind.BUYING_REQUEST.value,),
    Role.AGENCY.value: (Kind.TRADE_EVENT.value,),
    Role.ADMIN.value: tuple(k.value for k in Kind),
}


def notice_kinds(user: Any) -> tuple[str, ...]:
    """The kinds of trade notice this user may post (none before the address is confirmed)."""
    if not is_verified(user) or (is_exporter(user) and user.company_id is None):
        return ()
    return NOTICE_KINDS_BY_ROLE.get(_role(user) or "", ())


def post_notice(user: Any, kind: str | None = None) -> bool:
    kinds = notice_kinds(user)
    return kind in kinds if kind is not None else bool(kinds)


def edit_notice(user: Any, notice: Any) -> bool:
    """The author, members of the author's company, and admins."""
    if notice is None or not getattr(user, "is_authenticated", False):
        return False
    if is_admin(user) or notice.author_id == user.id:
        return True
    return (
        notice.company_id is not None and is_exporter(user) and user.company_id == notice.company_id
    )


def view_notice(user: Any, notice: Any) -> bool:
    """Published and closed notices open for all (expired ones say so); drafts for editors."""
    if notice is None:
        return False
    hidden_company = notice.company is not None and notice.company.hidden
    if not notice.is_draft and not hidden_company:
        return True
    return edit_notice(user, notice)


def answer_buying_request(user: Any, notice: Any) -> bool:
    """Verified exporters of a company answer other companies' live buying requests."""
    if notice is None or not notice.is_buying_request or not notice.is_live():
        return False
    if not (is_exporter(user) and is_verified(user) and user.company_id is not None):
        return False
    return notice.author_id != user.id and notice.company_id != user.company_id


# The industry-information board.
def post_board(user: Any) -> bool:
    """Agencies and admins write board posts."""
    return is_agency(user) and is_verified(user)


def edit_post(user: Any, post: Any) -> bool:
    if post is None or not getattr(user, "is_authenticated", False):
        return False
    return is_admin(user) or (is_agency(user) and post.author_id == user.id)


def view_post(user: Any, post: Any) -> bool:
    """Published posts from their publish date on; drafts and scheduled ones for editors."""
    if post is None:
        return False
    return post.is_visible() or edit_post(user, post)


def comment_on_board(user: Any) -> bool:
    """Any logged-in member with a confirmed address."""
    return is_verified(user)


def edit_comment(user: Any, comment: Any) -> bool:
    """Only the comment's author edits or deletes it."""
    return (
        comment is not None
        and getattr(user, "is_authenticated", False)
        and comment.author_id == user.id
    )


def moderate_board(user: Any) -> bool:
    """Agencies and admins hide and restore comments."""
    return is_agency(user)


def report_board_content(user: Any) -> bool:
    """Any logged-in member may report a post or comment."""
    return bool(getattr(user, "is_authenticated", False))


# Inquiries between buyers and exporter companies.
def use_inquiries(user: Any) -> bool:
    """Buyers and exporters have inquiry boxes (the "Inquiries" link)."""
    return _role(user) in {Role.BUYER.value, Role.EXPORTER.value}


def member_of(user: Any, company_id: int | None) -> bool:
    """An exporter attached to this company: they share its inquiry inbox."""
    return is_exporter(user) and company_id is not None and user.company_id == company_id


def send_inquiry(user: Any, company: Any) -> bool:
    """Confirmed buyers, and confirmed exporters writing to a company not their own."""
    if company is None or company.hidden or not use_inquiries(user) or not is_verified(user):
        return False
    return not member_of(user, company.id)


def inquiry_side(user: Any, inquiry: Any) -> str | None:
    """The user's side of an inquiry: "buyer", "seller", or None for anyone else."""
    if inquiry is None or not getattr(user, "is_authenticated", False):
        return None
    if inquiry.buyer_id == user.id:
        return "buyer"
    if member_of(user, inquiry.company_id):
        return "seller"
    return None


def view_inquiry(user: Any, inquiry: Any) -> bool:
    """The buyer, every member of the company, and admins; for anyone else it is a 404."""
    return inquiry_side(user, inquiry) is not None or (inquiry is not None and is_admin(user))


def reply_inquiry(user: Any, inquiry: Any) -> bool:
    """Either party, with a confirmed address, while the inquiry is open."""
    return inquiry_side(user, inquiry) is not None and is_verified(user) and not inquiry.is_closed


def close_inquiry(user: Any, inquiry: Any) -> bool:
    return inquiry_side(user, inquiry) is not None and not inquiry.is_closed


def report_inquiry(user: Any, inquiry: Any) -> bool:
    """The side an inquiry was written to reports it as spam: the receiving company, or
    the buyer a company sent an offer to."""
    side = inquiry_side(user, inquiry)
    return side is not None and side == inquiry.receiving_side


def offer_inquiry(user: Any, recipient: Any) -> bool:
    """A confirmed exporter of a company opens a thread with someone outside it: the
    company's offer on that person's buying request."""
    if recipient is None or not (is_exporter(user) and is_verified(user)):
        return False
    return (
        user.company_id is not None
        and recipient.id != user.id
        and not member_of(recipient, user.company_id)
    )


# Trade agencies: verification, moderation, administration, seller analytics.
def agency_officer(user: Any) -> bool:
    """An agency account (or admin) that is an officer of an agency covering economies."""
    return is_agency(user) and is_verified(user) and bool(officer_economies(user))


def verify_company(user: Any, company: Any) -> bool:
    """Officers of an agency covering the company's economy approve, reject and revoke."""
    if company is None or not (is_agency(user) and is_verified(user)):
        return False
    return company.economy in officer_economies(user)


def request_verification(user: Any, company: Any) -> bool:
    """Members of the company, with a confirmed address, submit evidence."""
    return company is not None and member_of(user, company.id) and is_verified(user)


def view_verification(user: Any, verification: Any) -> bool:
    """A verification request: the company's members, the officers who decide it, admins."""
    if verification is None:
        return False
    if is_admin(user) or member_of(user, verification.company_id):
        return True
    return verify_company(user, verification.company)


def moderate(user: Any) -> bool:
    """Agencies and admins work the moderation queue."""
    return is_agency(user) and is_verified(user)


def warn_user(user: Any, target: Any) -> bool:
    return target is not None and moderate(user) and target.id != user.id


def suspend_user(user: Any, target: Any) -> bool:
    """Moderators suspend members; only admins suspend agency accounts; admins and oneself
    cannot be suspended here."""
    if not warn_user(user, target) or target.role == Role.ADMIN.value:
        return False
    return is_admin(user) or target.role != Role.AGENCY.value


def view_audit_log(user: Any) -> bool:
    return is_admin(user)


def manage_users(user: Any) -> bool:
    """Search users, change roles, disable and enable accounts."""
    return is_admin(user)


def manage_agencies(user: Any) -> bool:
    """Create agencies, choose the economies they cover, add and remove officers."""
    return is_admin(user)


def view_seller_analytics(user: Any, company: Any) -> bool:
    """Members of the company, and admins."""
    return company is not None and (member_of(user, company.id) or is_admin(user))
