import { expect } from '@open-wc/testing';
import { quadtree } from 'd3-quadtree';
import * as z from 'zod/mini';
import { IdeaSubmission } from '../../src/api/requests.js';
import { Event } from '../../src/api/shapes.js';

// The browser tests run what the script-tag build ships (web-test-runner.config.mjs): the
// zod/mini stand-in (scripts/zod-lite.ts) and the trimmed d3-quadtree (scripts/trim-quadtree.ts).
// Their agreement with the originals is tested in Node (test/api/zod-lite.node.test.ts,
// test/build/trim-quadtree.node.test.ts); here, that they are what runs.

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

describe('d3-quadtree in the browser', () => {
  it('has only the methods d3-force calls', () => {
    const methods = Object.keys(Object.getPrototypeOf(quadtree()) as object).sort();
    expect(methods).to.deep.equal(['addAll', 'cover', 'visit', 'visitAfter']);
  });
});
