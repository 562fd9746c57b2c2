"""A real SMTP server for the SmtpTransport tests, built on aiosmtpd (Debian: python3-aiosmtpd).

Usage: smtp_sink.py <port> <directory> [<username> <password>]

Listens on 127.0.0.1:<port> (0 picks a free port) and prints "READY <port>" once it accepts connections.
Each accepted message is written as <n>.eml (the bytes received, unchanged) with <n>.json beside it holding
the envelope (mail_from, rcpt_tos, login). A recipient whose local part is "reply-<code>" (reply-550@x.test)
is answered with that SMTP code instead of being accepted. With a username and password, AUTH is offered over
the plain connection (this is loopback) and checked, but not required. DATA is answered with
"250 2.0.0 Ok: queued as <id>", like Postfix, so the transport's queue id parsing is exercised.
"""
import asyncio
import itertools
import json
import os
import sys
import warnings

# aiosmtpd 1.4 warns about its own legacy login_data while handling AUTH; stderr is kept for real failures.
warnings.filterwarnings("ignore", category=DeprecationWarning)

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    print(f"MISSING aiosmtpd: {sys.executable} cannot import aiosmtpd; on Debian: apt-get install -y python3-aiosmtpd",
          file=sys.stderr, flush=True)
    sys.exit(3)

REPLIES = {
    450: "450 4.2.1 Mailbox busy, try again later",
    451: "451 4.7.1 Greylisted, try again later",
    550: "550 5.1.1 <{address}>: Recipient address rejected: User unknown",
    551: "551 5.1.6 User not local",
    552: "552 5.2.2 Mailbox full",
    553: "553 5.1.3 Mailbox name not allowed",
    554: "554 5.7.1 Rejected by policy",
}


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0]
        if local.startswith("reply-") and local[len("reply-"):].isdigit():
            code = int(local[len("reply-"):])
            return REPLIES.get(code, f"{code} Refused by the test sink").format(address=address)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        number = next(self.counter)
        queue_id = f"SINK{number:06d}"
        base = os.path.join(self.directory, str(number))
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        envelope_json = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login, "queue_id": queue_id}
        # The .eml appears last and atomically, so a test that sees it also sees its envelope.
        with open(base + ".json", "w", encoding="utf-8") as out:
            json.dump(envelope_json, out)
        with open(base + ".eml.tmp", "wb") as out:
            out.write(envelope.original_content)
        os.replace(base + ".eml.tmp", base + ".eml")
        return f"250 2.0.0 Ok: queued as {queue_id}"


def authenticator_for(username, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == username and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
    return authenticate


async def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    credentials = sys.argv[3:5]
    os.makedirs(directory, exist_ok=True)
    handler = Sink(directory)
    loop = asyncio.get_running_loop()

    def factory():
        if credentials:
            return SMTP(handler, hostname="sink.test", loop=loop, auth_require_tls=False,
                        authenticator=authenticator_for(*credentials))
        return SMTP(handler, hostname="sink.test", loop=loop)

    server = await loop.create_server(factory, host="127.0.0.1", port=port)
    print(f"READY {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
