import { useEffect, useRef, useSyncExternalStore } from 'react';
import { meetingNumber } from '@shared/domain';
import { useRoom } from '../../db';
import { phoneVoting } from './store';
import { assignJoinCodes, browserRandom, hubPollSpec, hubSession, phoneVoters } from './session';

export const usePhoneVoting = () => useSyncExternalStore(phoneVoting.subscribe, phoneVoting.get);

/**
 * Keeps the hub in step with the meeting while phone voting is on in this window: the session
 * (join codes of the members present), the polls open on the phones (with who already voted
 * another way), and closing on the phones what the chair closed. Renders nothing. Mounted once
 * in the main window (never in the projector), so ballots are stored on any page.
 */
export function PhoneVotingHost() {
  const pv = usePhoneVoting();
  // The room in pieces: saves of the minutes (typing) do not wake this host.
  const room = useRoom(pv.meetingId ?? undefined);
  const sent = useRef<{ session?: string; polls: Map<string, string> }>({ polls: new Map() });

  useEffect(() => {
    if (pv.meetingId) phoneVoting.connect();
  }, [pv.meetingId]);

  // After a (re)connect everything is sent again: the hub keeps what is the same.
  useEffect(() => {
    if (pv.connection === 'open') sent.current = { polls: new Map() };
  }, [pv.connection]);

  useEffect(() => {
    const client = phoneVoting.client;
    if (!client || !room || pv.connection !== 'open' || room.meeting.id !== pv.meetingId) return;
    const voters = phoneVoters(room);
    const codes = assignJoinCodes(voters, pv.codes, browserRandom, pv.retired);
    if (JSON.stringify(codes) !== JSON.stringify(pv.codes)) {
      phoneVoting.setCodes(codes);
      return; // this effect runs again with the new codes
    }
    const title = `${room.body.code} ${meetingNumber(room.meeting)} · ${room.body.name}`;
    const session = hubSession(room, voters, codes, title);
    const sessionSig = JSON.stringify(session);
    const run = async () => {
      if (sent.current.session !== sessionSig) {
        sent.current.session = sessionSig;
        await client.setSession(session);
      }
      const open = room.polls.filter((p) => p.status === 'open');
      for (const poll of open) {
        const spec = hubPollSpec(poll);
        const sig = JSON.stringify(spec);
        if (sent.current.polls.get(poll.id) === sig) continue;
        sent.current.polls.set(poll.id, sig);
        await client.openPoll(spec);
      }
      // Closed (or removed) in the app, still open on the phones: close it there.
      const openIds = new Set(open.map((p) => p.id));
      for (const hubPoll of pv.status?.polls ?? []) {
        if (hubPoll.open && !openIds.has(hubPoll.id)) {
          sent.current.polls.delete(hubPoll.id);
          await client.closePoll(hubPoll.id);
        }
      }
    };
    run().catch((e: unknown) => {
      // Sent again on the next change or reconnect.
      sent.current = { polls: new Map() };
      console.error('phone voting: the hub refused', e);
    });
  }, [room, pv.connection, pv.meetingId, pv.codes, pv.retired, pv.status]);

  return null;
}
