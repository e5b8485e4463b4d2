// The browser's capability table (client/src/app/capabilityTable.ts) answers exactly as the guard's rules do, for
// every role, phase, switch and action, and the committed table is the one `npm run schemas` writes now.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capability, type Action } from '@shared/rules/capabilities.ts';
import {
  ACTION_KINDS,
  everyAction,
  everySituation,
  lookUpCapability,
} from '../../../client/src/app/capabilityTable.ts';
import { CAPABILITY_VERDICTS } from '../../../client/src/app/capabilityVerdicts.ts';
import { CAPABILITY_VERDICTS_FILE, capabilityVerdictsText } from '../../../scripts/schemas.ts';

/** The same question about someone else's record, for any other author id. */
function asOther(action: Action, authorId: string): Action {
  return 'authorId' in action ? { ...action, authorId } : action;
}

describe('capability table', () => {
  it('gives the rules’ verdict for every role, session and action, whoever asks about whomever (valid ids)', () => {
    let refused = 0;
    let asked = 0;
    // Participant ids are the server's (nanoids): any valid id, never an empty or spaced one.
    for (const participantId of ['p1', 'V1StGXR8_Z5jdHi6B-myT', 'x'.repeat(64)]) {
      for (const { actor, session } of everySituation(participantId)) {
        for (const own of everyAction(actor)) {
          for (const action of [own, asOther(own, 'p2'), asOther(own, 'y'.repeat(64))]) {
            const expected = capability(actor, session, action);
            expect(
              lookUpCapability(CAPABILITY_VERDICTS, actor, session, action),
              JSON.stringify({ actor, session, action }),
            ).toEqual(expected);
            asked++;
            if (!expected.allowed) refused++;
          }
        }
      }
    }
    // Both answers occur often: the table is not all yes or all no.
    expect(refused).toBeGreaterThan(asked / 5);
    expect(refused).toBeLessThan((asked * 4) / 5);
  });

  it('answers every kind of action', () => {
    const kinds = everyAction({ participantId: 'p1', role: 'participant' }).map((action) => action.kind);
    expect(new Set(kinds)).toEqual(new Set(Object.keys(ACTION_KINDS)));
  });

  it('is current: `npm run schemas` writes the committed file', async () => {
    expect(readFileSync(CAPABILITY_VERDICTS_FILE, 'utf8'), 'run `npm run schemas` and commit the file').toBe(
      await capabilityVerdictsText(),
    );
  });
});
