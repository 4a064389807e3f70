import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { interfaceKind, listLanInterfaces } from './interfaces';

const v4 = (address: string, internal = false) =>
  ({
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '',
    cidr: null,
  }) as unknown as NetworkInterfaceInfo;

describe('the networks the facilitator can pick', () => {
  it('are named by kind: Wi-Fi, cable, this computer, or other', () => {
    expect(interfaceKind('wlp2s0', '192.168.1.5')).toBe('wifi');
    expect(interfaceKind('Wi-Fi', '192.168.1.5')).toBe('wifi');
    expect(interfaceKind('WLAN', '192.168.1.5')).toBe('wifi');
    expect(interfaceKind('Bezdrátové připojení 2', '192.168.1.5')).toBe('wifi');
    expect(interfaceKind('eth0', '10.0.0.2')).toBe('wired');
    expect(interfaceKind('enp3s0', '10.0.0.2')).toBe('wired');
    expect(interfaceKind('Ethernet 2', '10.0.0.2')).toBe('wired');
    expect(interfaceKind('Připojení k místní síti', '10.0.0.2')).toBe('wired');
    expect(interfaceKind('en0', '192.168.1.5')).toBe('other');
    expect(interfaceKind('lo', '127.0.0.1')).toBe('local');
  });

  it('leave out virtual adapters, link-local and IPv6, and list Wi-Fi first', () => {
    const list = listLanInterfaces({
      eth0: [v4('10.0.0.2')],
      docker0: [v4('172.17.0.1')],
      'vEthernet (WSL)': [v4('172.20.0.1')],
      wlp2s0: [v4('192.168.1.5'), { ...v4('fe80::1'), family: 'IPv6' } as NetworkInterfaceInfo],
      en7: [v4('169.254.3.3')],
      lo: [v4('127.0.0.1', true)],
    });
    expect(list).toEqual([
      { name: 'wlp2s0', address: '192.168.1.5', kind: 'wifi' },
      { name: 'eth0', address: '10.0.0.2', kind: 'wired' },
    ]);
  });

  it('offer this computer only where tests and browser mode allow it', () => {
    expect(listLanInterfaces({ lo: [v4('127.0.0.1', true)] }, true)).toEqual([
      { name: 'lo', address: '127.0.0.1', kind: 'local' },
    ]);
  });
});
