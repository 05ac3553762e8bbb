import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { IdeaSubmission } from '../../src/api/requests.js';
import { Event } from '../../src/api/shapes.js';

// The browser tests run the validator the script-tag build ships (scripts/zod-lite.ts wires
// `zod/mini` to src/api/zod-lite.ts in web-test-runner.config.mjs). Its agreement with real
// zod is tested in Node (test/api/zod-lite.node.test.ts); here, that it is what runs.

describe('zod/mini in the browser', () => {
  it('is the stand-in the script-tag build ships, not zod', () => {
    expect(Object.keys(z)).to.include('EMAIL');
    expect(Object.keys(z)).not.to.include('ZodMiniObject');
    expect(Object.keys(z)).not.to.include('toJSONSchema');
  });

  it('validates a response and the idea form with the shared schemas', () => {
    const event = Event.safeParse({ id: 'x', title: 't', start: 'soon' });
    expect(event.success).to.equal(false);
    expect(event.error?.issues.map((i) => i.path.join('.'))).to.deep.equal(['description', 'start', 'end', 'allDay', 'timeZone', 'category']);
    const idea = IdeaSubmission.safeParse({ title: '  Pendek ' });
    expect(idea.success).to.equal(false);
    expect(idea.error?.issues[0]).to.deep.include({ code: 'too_small', path: ['title'], minimum: 8 });
  });
});
