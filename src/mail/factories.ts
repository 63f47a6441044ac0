/**
 * Test helpers: a real SMTP server on a random local port (smtp-server, no TLS, as STACK.md
 * measured), which keeps every message it accepts and can be told to refuse with a 4xx.
 */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  /** For SMTP_URL: nodemailer must not try STARTTLS against this server. */
  url: string;
  received: ParsedMail[];
  /** While set, every recipient is refused with this temporary error. */
  refuseWith: string | null;
  /** SMTP connections opened to this server so far. */
  connections: number;
  /** While set, a message is kept but its connection is cut before the answer (did it arrive?). */
  dropAfterData: boolean;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: "",
    received: [],
    refuseWith: null,
    connections: 0,
    dropAfterData: false,
    close: async () => {},
  };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    // No reverse DNS of 127.0.0.1 per connection (about 100 ms here; tests stay offline).
    disableReverseLookup: true,
    onConnect(_session, callback) {
      sink.connections += 1;
      callback();
    },
    onRcptTo(_address, _session, callback) {
      if (!sink.refuseWith) return callback();
      callback(Object.assign(new Error(sink.refuseWith), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          sink.received.push(mail);
          if (!sink.dropAfterData) return callback();
          // smtp-server keeps its open connections here; cutting the socket is what a crash does.
          const open = (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> })
            .connections;
          for (const connection of open) connection._socket.destroy();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
