import { Agent, request } from "node:http";

export interface FixedRateResult {
  sent: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
}

export interface FixedRateRequest {
  path: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
}

/**
 * An open-loop load at an exact rate: request i is due at start + i / rate, sent then whether or
 * not earlier ones have answered, and its latency counts from when it was due, so a stalled server
 * shows in the figures (no coordinated omission). autocannon's rate limit sends each second's
 * budget in a burst from every connection at once, which measures its own queueing.
 */
export async function fixedRate(
  base: string,
  rate: number,
  seconds: number,
  next: () => FixedRateRequest,
): Promise<FixedRateResult> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const spec = next();
    pending.push(
      new Promise<void>((resolve) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: spec.path,
            method: spec.method ?? "GET",
            agent,
            headers: {
              ...spec.headers,
              ...(spec.body ? { "content-length": Buffer.byteLength(spec.body) } : {}),
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => {
              if ((res.statusCode ?? 0) >= 300) non2xx++;
              latencies.push(performance.now() - due);
              resolve();
            });
          },
        );
        req.on("error", () => {
          errors++;
          resolve();
        });
        req.end(spec.body);
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return {
    sent: total,
    requestsPerSecond: Math.round(total / elapsed),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: at(1),
    errors,
    non2xx,
  };
}
