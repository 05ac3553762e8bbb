import { noChange } from 'lit';
import { Directive, directive, PartType, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Record<string, string | number | null | undefined>;

/**
 * Sets computed style properties (`--x`, `grid-column`, `color`…) through the CSSOM, in
 * element position: `<div ${styleProps({ '--hue': hue })}>`.
 *
 * Lit's `styleMap` writes a `style` attribute on its first render, and a strict
 * Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') blocks that; setting
 * properties on `element.style` is not inline style and is always allowed.
 */
class StylePropsDirective extends Directive {
  #applied = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() belongs in element position: <div ${styleProps({…})}>');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement | SVGElement;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === '') continue;
      style.setProperty(name, String(value));
      next.add(name);
    }
    for (const name of this.#applied) if (!next.has(name)) style.removeProperty(name);
    this.#applied = next;
    return noChange;
  }
}

// Typed here, not inferred: the inferred type names lit-html, which the package does not depend on.
export const styleProps: (props: StyleProps) => DirectiveResult<typeof StylePropsDirective> = directive(StylePropsDirective);
