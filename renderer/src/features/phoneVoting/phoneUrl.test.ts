import { describe, expect, it } from 'vitest';
import { splitHubUrl } from './PhoneUrl';

// Review of issue 13: the address broke inside the IP ("http://127.0.0. / 1:8765/").
describe('splitHubUrl', () => {
  it('keeps the host whole and allows a break only before the port', () => {
    expect(splitHubUrl('http://127.0.0.1:8765/')).toEqual(['http://127.0.0.1', ':8765/']);
    expect(splitHubUrl('http://192.168.100.20:8765/?code=Q7HQGF')).toEqual([
      'http://192.168.100.20',
      ':8765/?code=Q7HQGF',
    ]);
    expect(splitHubUrl('not a url')).toBeNull();
  });
});
