#!/usr/bin/env python3
"""Signs an RS256 bearer token for the benchmark (the service trusts the matching public key it is started with).

usage: sign_jwt.py <private-key.pem> <role> [ward] [unit]
"""
import base64
import json
import sys
import time

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main() -> None:
    key_file, role = sys.argv[1], sys.argv[2]
    ward = sys.argv[3] if len(sys.argv) > 3 and sys.argv[3] else None
    unit = sys.argv[4] if len(sys.argv) > 4 else None
    now = int(time.time())
    claims = {"iss": "https://bench.friendlygov.local", "sub": f"bench-{role}", "upn": f"bench-{role}",
              "groups": [role], "iat": now, "exp": now + 4 * 3600}
    if ward:
        claims["ward"] = ward
    if unit:
        claims["unit"] = unit
    header = {"alg": "RS256", "typ": "JWT", "kid": "bench"}
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    with open(key_file, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    print(signing_input + "." + b64(signature))


if __name__ == "__main__":
    main()
