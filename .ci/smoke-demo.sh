#!/usr/bin/env bash
# Starts the app exactly as the README's first command does (in a scratch working directory), waits up to 60 s for
# the first recovery email in the pickup folder, follows its restore link and expects a redirect to the demo cart.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port=5080
log="$work/app.log"
dotnet build "$repo/src/CartRecovery.Web" -c Debug >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
( cd "$work" && exec dotnet run --no-build --project "$repo/src/CartRecovery.Web" -- --demo >"$log" 2>&1 ) &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT

start=$(date +%s)
eml=""
while [ $(( $(date +%s) - start )) -lt 60 ]; do
  eml=$(ls "$work"/data/pickup/*.eml 2>/dev/null | head -n 1 || true)
  [ -n "$eml" ] && break
  kill -0 $app 2>/dev/null || { echo "smoke: the app exited"; cat "$log"; exit 1; }
  sleep 1
done
[ -n "$eml" ] || { echo "smoke: no email in $work/data/pickup within 60 s"; cat "$log"; exit 1; }
echo "smoke: first email after $(( $(date +%s) - start )) s: $(basename "$eml")"

# Decode the MIME parts (quoted-printable, base64) before looking for the link.
link=$(python3 - "$eml" "$port" <<'PY'
import email, re, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"))
text = "".join(part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
               for part in message.walk() if part.get_content_maintype() == "text")
match = re.search(r"http://localhost:%s/r/[A-Za-z0-9_-]+" % sys.argv[2], text)
print(match.group(0) if match else "")
PY
)
[ -n "$link" ] || { echo "smoke: no restore link in $eml"; exit 1; }
location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$link")
case "$location" in
  "302 http://localhost:$port/demo/cart/"*) echo "smoke: restore link redirects to ${location#302 }";;
  *) echo "smoke: restore link answered '$location'"; cat "$log"; exit 1;;
esac
health=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/healthz")
[ "$health" = 200 ] || { echo "smoke: /healthz answered $health"; cat "$log"; exit 1; }
echo "smoke: /healthz is 200"
