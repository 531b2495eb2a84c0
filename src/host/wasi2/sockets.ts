/**
 * wasi:sockets: not offered to guests (DESIGN.md §4). A guest may hold the instance network,
 * but creating a socket or resolving a name fails with `access-denied` and is reported; a
 * socket resource can never exist, so its classes are empty.
 */
import type { Wasi2Context } from './context';
import { fail } from './errors';

class Network {}
class TcpSocket {}
class UdpSocket {}
class IncomingDatagramStream {}
class OutgoingDatagramStream {}
class ResolveAddressStream {}

export function socketImports(ctx: Wasi2Context): Record<string, Record<string, unknown>> {
  const denied = (op: string) => (): never => {
    ctx.blocked({ capability: 'sockets', target: op, detail: `${op}: sockets are not offered to guests` });
    return fail('access-denied');
  };
  return {
    'wasi:sockets/network': { Network, networkErrorCode: () => undefined },
    'wasi:sockets/instance-network': { instanceNetwork: () => new Network() },
    'wasi:sockets/tcp-create-socket': { createTcpSocket: denied('create-tcp-socket') },
    'wasi:sockets/udp-create-socket': { createUdpSocket: denied('create-udp-socket') },
    'wasi:sockets/tcp': { TcpSocket },
    'wasi:sockets/udp': { UdpSocket, IncomingDatagramStream, OutgoingDatagramStream },
    'wasi:sockets/ip-name-lookup': { resolveAddresses: denied('resolve-addresses'), ResolveAddressStream },
  };
}
