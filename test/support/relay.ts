/**
 * A TCP relay on 127.0.0.1 that stands between a client and a server (sshd, in the tests) as
 * a network would, with a link that stops delivering after a fixed number of bytes.
 *
 * Why bytes and not time: a transfer cut "when a third has been sent" over a fast loopback is
 * a race, since SFTP keeps many megabytes in flight and the server may already hold the whole
 * file (and finish writing it) by the time the cut lands. Here the first connection forwards
 * at most `budget` bytes in each direction and then holds the rest back for good, like a link
 * that stopped delivering without closing: the server can never receive more than `budget`
 * bytes of it, however fast or slow either side runs. A transfer larger than the budget can
 * therefore never finish through that connection, and everything below the budget does
 * arrive, so a test that waits for progress well below the budget and then calls `cut()` sees
 * the same outcome on every run.
 *
 * Only the first connection is limited: the reconnect or retry that follows a cut goes
 * through the same relay at full speed.
 */
import net from 'node:net';
import { Transform } from 'node:stream';
import type { TestContext } from 'node:test';

export interface Relay {
  /** The relay's port on 127.0.0.1; connect here instead of to the server. */
  port: number;
  /** Drops every connection through the relay at once (a pulled cable); it keeps listening. */
  cut(): void;
  /** Drops every connection and stops listening: a cable that stays pulled. */
  unplug(): Promise<void>;
}

/**
 * Relays connections on a new port to `127.0.0.1:port`. The first connection passes `budget`
 * bytes each way and then stalls (see the module comment); later ones are not limited. The
 * relay and every connection through it are closed after the test.
 */
export async function relay(t: TestContext, port: number, budget: number): Promise<Relay> {
  const streams = new Set<net.Socket | Transform>();
  let limited = true;
  const server = net.createServer((client) => {
    const limit = limited ? budget : Number.POSITIVE_INFINITY;
    limited = false;
    const upstream = net.connect({ host: '127.0.0.1', port });
    const up = capped(limit);
    const down = capped(limit);
    for (const stream of [client, upstream, up, down]) {
      streams.add(stream);
      stream.on('close', () => streams.delete(stream));
      stream.on('error', () => stream.destroy());
    }
    client.pipe(up).pipe(upstream).pipe(down).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let closing: Promise<void> | undefined;
  const unplug = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      for (const stream of streams) stream.destroy();
      server.close(() => resolve());
    }));
  t.after(unplug);
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut: () => {
      for (const stream of streams) stream.destroy();
    },
    unplug,
  };
}

/**
 * Passes `budget` bytes, then stalls for good: the chunk that crosses the budget is passed up
 * to it, and its callback (with every later chunk's) is never called, so backpressure stops
 * the sender as a full link would.
 */
export function capped(budget: number): Transform {
  let left = budget;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.length <= left) {
        left -= chunk.length;
        callback(null, chunk);
        return;
      }
      if (left > 0) this.push(chunk.subarray(0, left));
      left = 0;
    },
  });
}
