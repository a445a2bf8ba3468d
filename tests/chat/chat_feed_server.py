#!/usr/bin/python3
"""A chat monitoring feed written with Python's `websockets` (Debian python3-websockets):
a peer we did not write. Prints its port, then on the first connection sends every event
type, a batch, an implicit conversation, one frame of each malformed kind, an unknown type
and a binary frame, and drops the connection; on the second connection (the client's
reconnect) it finishes the conversations and stays silent so `--until-idle` can end the run.
Rejects clients without the expected bearer token."""
import asyncio
import datetime
import json
import sys

import websockets

TOKEN = sys.argv[1] if len(sys.argv) > 1 else "s3cret"


def ts():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def part_one():
    t = ts()
    return [
        {"type": "conversation.started", "conversation_id": "c-81", "user_id": "u-7", "channel": "web", "ts": t},
        {"type": "message", "conversation_id": "c-81", "message_id": "m-1", "role": "user", "content": "¿Cuál es mi saldo?", "ts": t},
        {"type": "message", "conversation_id": "c-81", "message_id": "m-2", "role": "assistant", "content": "Tu saldo es 12 €",
         "ts": t, "latency_ms": 850, "intent": "billing", "success": True, "telemetry_id": 12345},
        # a batch, with an implicit conversation (c-90 never started)
        [{"type": "message", "conversation_id": "c-90", "role": "user", "content": "I can't log in", "ts": t},
         {"type": "message", "conversation_id": "c-90", "role": "assistant", "content": "Reset link sent", "ts": t,
          "latency_ms": 400, "intent": "login", "success": False},
         {"type": "heartbeat", "ts": t}],
        "not json at all",                                                                     # not_json
        {"type": "message", "conversation_id": "c-81", "role": "user", "ts": t},               # missing_field
        {"type": "satisfaction", "conversation_id": "c-81", "rating": "five", "ts": t},       # wrong_type
        {"type": "satisfaction", "conversation_id": "c-81", "rating": 9, "ts": t},            # out_of_range
        {"type": "typing", "conversation_id": "c-81", "ts": t},                               # unknown: ignored
        b"\x00\x01binary",                                                                    # binary: ignored
        {"type": "error", "conversation_id": "c-90", "code": "llm_timeout", "message": "upstream timeout", "ts": t},
    ]


def part_two():
    t = ts()
    return [
        {"type": "message", "conversation_id": "c-90", "role": "assistant", "content": "Try again now", "ts": t,
         "latency_ms": 1000, "intent": "login"},
        {"type": "conversation.completed", "conversation_id": "c-81", "resolved": True, "ts": t},
        {"type": "satisfaction", "conversation_id": "c-81", "rating": 4, "comment": "rápido", "ts": t},
    ]


connections = 0


async def handler(websocket, path=None):
    global connections
    if websocket.request_headers.get("Authorization") != "Bearer " + TOKEN:
        await websocket.close(code=1008, reason="missing or wrong bearer token")
        return
    connections += 1
    frames = part_one() if connections == 1 else part_two()
    for frame in frames:
        if isinstance(frame, (bytes, str)):
            await websocket.send(frame)
        else:
            await websocket.send(json.dumps(frame, ensure_ascii=False))
    if connections == 1:
        # A server drop, not a clean goodbye: the client must reconnect.
        websocket.transport.abort()
        return
    await asyncio.Future()


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        print(port, flush=True)
        await asyncio.Future()


asyncio.run(main())
