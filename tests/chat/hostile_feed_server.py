#!/usr/bin/python3
"""A chat feed that misbehaves once: `big N` sends a text message of N bytes, `badutf8` a
text frame that is not UTF-8. Prints its port. Each connection gets a valid message before and
after the bad one; the first connection stays open after it (the server does not close), the
next ones only get the two valid messages. Nothing else: the client decides what happens."""
import asyncio
import datetime
import json
import sys

import websockets

MODE = sys.argv[1]
SIZE = int(sys.argv[2]) if len(sys.argv) > 2 else 0
connections = 0


def event(n):
    ts = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return json.dumps({"type": "message", "conversation_id": "c-%d" % n, "role": "user", "content": "hola",
                       "ts": ts})


async def handler(websocket, path=None):
    global connections
    connections += 1
    first = connections == 1
    await websocket.send(event(connections * 10 + 1))
    if first:
        if MODE == "big":
            # Valid JSON, only too large: the size alone must make it malformed.
            padding = "x" * max(0, SIZE - 60)
            await websocket.send(json.dumps({"type": "heartbeat", "ts": "2026-01-01T00:00:00Z", "pad": padding}))
        else:
            await websocket.write_frame(True, websockets.frames.OP_TEXT, b'{"type":"heartbeat","pad":"\xff\xfe"}')
    await websocket.send(event(connections * 10 + 2))
    try:
        await websocket.wait_closed()
    except Exception:
        pass


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0, max_size=None, compression=None) as server:
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


asyncio.run(main())
