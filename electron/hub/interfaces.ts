// The network interfaces the facilitator can pick for the LAN face: IPv4, not internal, not
// link-local, and not a virtual adapter (containers, VMs, VPN tunnels), whose addresses
// phones on the venue Wi-Fi can never reach.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { HubInterface } from '../../shared/hub/protocol';

/** Names of virtual adapters on Linux, macOS and Windows. */
const VIRTUAL =
  /^(docker|veth|br-|virbr|vbox|vboxnet|vmnet|vnic|utun|tun|tap|ipsec|ppp|gif|stf|awdl|llw|anpi|ap\d|bridge|zt|tailscale|wg|lxc|lxd|cni|flannel|cali|kube|podman|nerdctl|ham)|virtualbox|vmware|hyper-v|vethernet|wsl|loopback|pseudo|bluetooth|npcap|teredo|isatap/i;

export function isVirtualAdapter(name: string): boolean {
  return VIRTUAL.test(name);
}

/** Linux wl*, Windows "Wi-Fi" / "WLAN" / "Bezdrátové připojení", "Wireless …". */
const WIFI = /^(wl|wlan|wi-?fi)|wireless|wlan|wi-?fi|bezdrátov/i;
/** Linux eth* / en[ops]* / enx*, Windows "Ethernet" / "Local Area Connection" / "Připojení k místní síti". */
const WIRED = /^(eth|en[ops]|enx|em\d)|ethernet|local area connection|místní síti/i;

export function interfaceKind(name: string, address: string): HubInterface['kind'] {
  if (address === '127.0.0.1') return 'local';
  if (WIFI.test(name)) return 'wifi';
  if (WIRED.test(name)) return 'wired';
  return 'other';
}

/** Wi-Fi first (phones join over Wi-Fi; a Mac's en0 is its Wi-Fi on a laptop), then by name. */
function rank(i: HubInterface): number {
  return i.kind === 'wifi' || i.name === 'en0' ? 0 : 1;
}

export function listLanInterfaces(
  all: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
  allowLoopback = false,
): HubInterface[] {
  const out: HubInterface[] = [];
  for (const [name, infos] of Object.entries(all)) {
    for (const info of infos ?? []) {
      const v4 = info.family === 'IPv4' || (info.family as unknown) === 4;
      if (!v4) continue;
      if (info.internal) {
        if (allowLoopback && info.address === '127.0.0.1')
          out.push({ name, address: info.address, kind: 'local' });
        continue;
      }
      if (info.address.startsWith('169.254.') || isVirtualAdapter(name)) continue;
      out.push({ name, address: info.address, kind: interfaceKind(name, info.address) });
    }
  }
  if (allowLoopback && !out.some((i) => i.address === '127.0.0.1'))
    out.push({ name: 'loopback', address: '127.0.0.1', kind: 'local' });
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
