"""A mail failure never loses an inquiry: it is committed, and its mail waits to be retried."""

from __future__ import annotations

from tests.conftest import log_in, submit
from tests.functional.test_inquiries_support import inquiries, pending_mail, send, supplier


def test_inquiry_is_kept_and_mail_goes_out_later(app, client, make_user, runner, mailbox):
    exporter, product_id = supplier(app, make_user, preferred_locale="vi")
    colleague = make_user("exporter", company="Mekong Coffee", preferred_locale="zh_Hant")
    log_in(client, make_user("buyer").email)

    mailbox.failing = True
    response = send(client, exporter.company_id, product_id)
    assert response.status_code == 302
    (inquiry,) = inquiries(app)
    assert mailbox.messages == []
    assert pending_mail(app) == 2
    page = client.get(f"/en/inquiries/{inquiry.id}")
    assert "Robusta for our roastery" in page.get_data(as_text=True)

    mailbox.failing = False
    result = runner.invoke(args=["mail", "send-pending"])
    assert result.exit_code == 0, result.output
    assert "Sent 2 mail(s); 0 still unsent." in result.output
    assert pending_mail(app) == 0
    (to_exporter,) = mailbox.to(exporter.email)
    (to_colleague,) = mailbox.to(colleague.email)
    assert to_exporter["Content-Language"] == "vi"
    assert f"/vi/inquiries/{inquiry.id}" in mailbox.body(to_exporter)
    assert to_colleague["Content-Language"] == "zh-Hant"
    assert f"/zh-hant/inquiries/{inquiry.id}" in mailbox.body(to_colleague)


def test_a_reply_is_kept_when_mail_fails(app, client, make_user, runner, mailbox):
    exporter, product_id = supplier(app, make_user)
    buyer = make_user("buyer", preferred_locale="id")
    log_in(client, buyer.email)
    send(client, exporter.company_id, product_id)
    (inquiry,) = inquiries(app)
    seller = app.test_client()
    log_in(seller, exporter.email)
    mailbox.clear()

    mailbox.failing = True
    thread = f"/en/inquiries/{inquiry.id}"
    response = submit(
        seller,
        thread,
        {"body": "Price list attached next week."},
        action=f"{thread}/reply",
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert inquiries(app)[0].status == "replied"
    assert pending_mail(app) == 1
    assert "Price list attached next week." in client.get(thread).get_data(as_text=True)

    mailbox.failing = False
    result = runner.invoke(args=["mail", "send-pending", "--limit", "10"])
    assert result.exit_code == 0, result.output
    (to_buyer,) = mailbox.to(buyer.email)
    assert to_buyer["Content-Language"] == "id"
    assert "Price list attached next week." in mailbox.body(to_buyer)
    assert pending_mail(app) == 0
