#!/usr/bin/env bash
# Prints a signed bearer token for the local stack.
#   deploy/local/token.sh --role officer --unit VHXH --ward phu-lien [--hours 12]
# Roles: admin, leader, reviewer, officer. An admin without --ward operates the whole city.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
role="" unit="" ward="" hours=12
while [ $# -gt 0 ]; do
  case "$1" in
    --role) role="$2"; shift 2 ;;
    --unit) unit="$2"; shift 2 ;;
    --ward) ward="$2"; shift 2 ;;
    --hours) hours="$2"; shift 2 ;;
    *) die "unknown option $1 (use --role, --unit, --ward, --hours)" ;;
  esac
done
case "$role" in admin|leader|reviewer|officer) ;; *) die "--role must be admin, leader, reviewer or officer" ;; esac
[ -f "$KEYS/private.pem" ] || die "no local signing key yet: run deploy/local/up.sh first"
java "$ROOT/deploy/local/Token.java" sign "$KEYS" "$JWT_ISSUER_LOCAL" "$role" "$unit" "$ward" "$hours"
