import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError, isAbort } from '../../api/errors.js';
import type { IdeaSubmission } from '../../api/requests.js';
import {
  graphemeLength, MAX_UPLOAD_BYTES, UPLOAD_TYPES, type Helix, type IdeaReceipt, type InnovationSummary,
} from '../../api/shapes.js';
import { InnoElement } from '../../core/base-element.js';
import { dispatchInnoEvent } from '../../core/events.js';
import { dateFormat, formatCalendarDate, numberFormat } from '../../core/format.js';
import { safePageUrl } from '../../core/safe.js';
import { clearDraft, draftStorageKey, hasContent, loadDraft, RESUME_MS, saveDraft, type DraftAttachment } from './draft.js';
import { ideaFormStyles } from './idea-form.styles.js';
import {
  checkAll, checkField, emptyValues, FIELD_ORDER, isOptional, LIMITS, problemsOf, TEXT_KEYS, toSubmission,
  type FieldProblem, type FieldProblems, type FormValues, type TextKey,
} from './model.js';
import { strings, type FieldKey, type IdeaFormStrings } from './strings.js';

/** An attachment in the list: uploading, uploaded (has `id`) or failed (has `error`). */
interface Attachment extends Partial<DraftAttachment> {
  key: number;
  name: string;
  size: number;
  type: string;
  progress: number;
  error?: string | undefined;
  file?: File | undefined;
  controller?: AbortController | undefined;
}

type Phase = 'editing' | 'sending' | 'waiting' | 'done';

const MAX_ATTACHMENTS = 3;
/** Waits between our own retries once the client's quick retries are spent (seconds). */
const RETRY_DELAYS = [5, 15, 30, 60];
/** Waits between reloads of the sector list (and the program) while they fail (seconds). */
const RELOAD_DELAYS = [2, 5, 10, 20, 30];
const SAVE_DELAY = 400;
const SIMILAR_DELAY = 500;
/** Worth loading again by itself: not cancelled, and not a program that does not exist. */
const reloadable = (error: unknown) => !isAbort(error) && !(error instanceof ApiError && error.status === 404);

/** Helixes in the order people think of themselves: residents first. */
const HELIX_ORDER = ['community', 'academia', 'business', 'government', 'media'] as const satisfies readonly Helix[];

/**
 * A form through which residents, students and businesses propose an innovation. Nothing
 * typed is lost: the draft stays on the device, a failed send keeps everything and retries
 * with the same Idempotency-Key (never a second idea), and attachments survive a failed check.
 *
 * @summary Propose an innovation to the city, with drafts, attachments and a tracking code.
 *
 * @event inno-idea-submitted - The idea was received; `detail: { id, trackingCode }`.
 *
 * @csspart base - The whole widget.
 * @csspart form - The form.
 * @csspart field - Each field with its label, hint, counter and error.
 * @csspart error-summary - The list of problems shown after a failed check.
 * @csspart program - The notice about the program the idea is for.
 * @csspart draft-notice - The notice that a draft was restored.
 * @csspart similar - Similar innovations found while the title is typed.
 * @csspart attachments - The attachments field and its list.
 * @csspart submit - The send button.
 * @csspart status - The sending status line.
 * @csspart success - The confirmation with the tracking code.
 * @csspart check - The "check a tracking code" form.
 */
export class InnoIdeaForm extends InnoElement {
  static override styles = [...InnoElement.styles, ideaFormStyles];

  /** Sector (taxonomy id) preselected for the citizen, e.g. `health`. */
  @property() sector?: string;

  /** Program id the idea is for. Default: the page URL's `inno-program` parameter. */
  @property() program?: string;

  /** Link to the privacy notice the citizen agrees to: absolute, or relative to the page; http(s) only. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;

  /** Name of the draft on this device, for pages with more than one form. */
  @property({ attribute: 'draft-key' }) draftKey?: string;

  /**
   * What was typed. Deliberately not reactive: the controls already show it, so a keystroke
   * re-renders only when something visible changes (a counter, an error).
   */
  private values: FormValues = emptyValues();
  @state() private errors: FieldProblems = {};
  @state() private showSummary = false;
  @state() private attachments: Attachment[] = [];
  @state() private attachNotice = '';
  @state() private similar: InnovationSummary[] = [];
  @state() private phase: Phase = 'editing';
  @state() private attempt = 0;
  @state() private sendError?: ApiError | undefined;
  @state() private formError = '';
  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  @state() private restoredAt?: number | undefined;
  @state() private receipt?: IdeaReceipt | undefined;
  @state() private copyState: '' | 'copied' | 'failed' = '';
  @state() private programRefused = false;
  /** Why the sector list failed; it stays shown while the list is loaded again by itself. */
  @state() private sectorsError?: unknown;

  #counts: Partial<Record<TextKey, number>> = {};
  #storageKey?: string;
  #idempotencyKey = newIdempotencyKey();
  /** When the current key first went out. */
  #sentAt?: number | undefined;
  /** A body sent with the current key whose answer never arrived (it may have been stored). */
  #uncertain?: IdeaSubmission | undefined;
  #saveTimer?: ReturnType<typeof setTimeout>;
  #similarTimer?: ReturnType<typeof setTimeout>;
  #similarController?: AbortController;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #retries = 0;
  #reloadTimer?: ReturnType<typeof setTimeout>;
  #reloads = 0;
  /** The chosen sector's name from the draft, shown until the sector list loads. */
  #sectorLabel?: string | undefined;
  #sendController?: AbortController;
  #nextKey = 0;
  #checkCode = '';
  /** Set while a submit waits for the program, so that a second press does not send twice. */
  #checking = false;

  readonly #taxonomy = new Task(this, {
    task: async ([client], { signal }) => (client ? client.getTaxonomy({ signal }) : undefined),
    args: () => [this.client] as const,
    onComplete: (taxonomy) => {
      this.sectorsError = undefined;
      if (this.#failedLoad === undefined) this.#reloads = 0;
      // A sector from an older draft that the list no longer has would be sent unseen.
      if (taxonomy && this.values.sector && !taxonomy.sectors.some((s) => s.id === this.values.sector)) {
        this.values = { ...this.values, sector: '' };
        this.#scheduleSave();
      }
    },
    onError: (error) => {
      if (isAbort(error)) return;
      this.sectorsError = error;
      this.#scheduleReload(error);
    },
  });

  readonly #program = new Task(this, {
    task: async ([client, id], { signal }) => (client && id ? client.getProgram(id, { signal }) : undefined),
    args: () => [this.client, this.#programId] as const,
    onComplete: () => {
      // The back-off is shared with the sector list: it starts again only when nothing failed.
      if (this.#failedLoad === undefined) this.#reloads = 0;
    },
    onError: (error) => {
      if (reloadable(error)) this.#scheduleReload(error);
    },
  });

  readonly #status = new Task(this, {
    task: async ([client, code], { signal }) => (client && code ? client.getIdeaStatus(code, { signal }) : undefined),
    args: () => [this.client, this.receipt?.trackingCode] as const,
  });

  readonly #check = new Task(this, {
    autoRun: false,
    task: async ([client, code], { signal }) => (client && code ? client.getIdeaStatus(code, { signal }) : undefined),
    args: () => [this.client, this.#checkCode] as const,
  });

  get #t(): IdeaFormStrings {
    return strings[this.resolvedLocale];
  }

  get #programId(): string | undefined {
    if (this.program) return this.program;
    try {
      return new URL(location.href).searchParams.get('inno-program') ?? undefined;
    } catch {
      return undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    window.addEventListener('pagehide', this.#onPageHide);
    // Moved in the page while sending: the send was cancelled on leaving, so resume it.
    if (this.phase === 'waiting' && !this.offline && this.#retryTimer === undefined) void this.#send();
    const failed = this.#failedLoad;
    if (failed !== undefined) this.#scheduleReload(failed);
  }

  /** Why a list the form needs is still to be loaded again (the sectors, or the program), if one is. */
  get #failedLoad(): unknown {
    if (this.sectorsError !== undefined) return this.sectorsError;
    return this.#program.status === TaskStatus.ERROR && reloadable(this.#program.error) ? this.#program.error : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    window.removeEventListener('pagehide', this.#onPageHide);
    this.#flushSave();
    this.#cancelRetry();
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = undefined;
    clearTimeout(this.#similarTimer);
    this.#similarController?.abort();
    this.#sendController?.abort();
    for (const a of this.attachments) a.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.client;
    if (!client) return;
    const key = draftStorageKey(client.baseUrl, this.draftKey);
    if (key !== this.#storageKey) {
      this.#flushSave();
      this.#storageKey = key;
      this.#restore(key);
    }
    if (changed.has('sector') && this.sector && !this.values.sector) {
      this.values = { ...this.values, sector: this.sector };
    }
  }

  // --- draft -------------------------------------------------------------------------

  /**
   * The controls are bound by property and typing does not re-render, so Lit's memory of a
   * control's value can lag behind the control. Resetting the form first makes both empty,
   * so whatever values come next are written to the controls.
   */
  #resetControls(): void {
    this.renderRoot.querySelector<HTMLFormElement>('form[part=form]')?.reset();
  }

  #restore(key: string): void {
    this.#resetControls();
    const draft = loadDraft(key);
    if (draft && hasContent(draft.values, draft.attachments)) {
      this.values = draft.values;
      this.attachments = draft.attachments.map((a) => ({ ...a, key: this.#nextKey++, progress: 1 }));
      this.#idempotencyKey = draft.idempotencyKey;
      // A draft from before `sentAt` was kept: its last save is when a send was last under way.
      this.#sentAt = draft.sentAt ?? (draft.pending || draft.sent !== undefined ? draft.savedAt : undefined);
      this.#uncertain = draft.sent as IdeaSubmission | undefined;
      this.#sectorLabel = draft.sectorLabel;
      this.restoredAt = draft.savedAt;
      if (draft.pending && Date.now() - this.#sentAt! < RESUME_MS) {
        // Sent before a reload and never answered: it goes on by itself, with the same key.
        this.phase = 'waiting';
        void this.updateComplete.then(() => this.#resume());
      }
    } else {
      this.values = { ...emptyValues(), sector: this.sector ?? '' };
      this.attachments = [];
      this.#idempotencyKey = draft?.idempotencyKey ?? newIdempotencyKey();
      this.#sentAt = draft?.sentAt;
      this.#uncertain = undefined;
      this.#sectorLabel = undefined;
      this.restoredAt = undefined;
    }
    this.errors = {};
    this.showSummary = false;
    this.#counts = {};
    for (const k of TEXT_KEYS) if (LIMITS[k]) this.#counts[k] = graphemeLength(this.values[k].trim());
  }

  /** A reload or a closed tab must not lose the last keystrokes still waiting to be saved. */
  #onPageHide = () => this.#flushSave();

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#flushSave(), SAVE_DELAY);
  }

  #flushSave(): void {
    if (this.#saveTimer !== undefined) this.#saveNow();
  }

  #saveNow(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (!this.#storageKey || this.phase === 'done') return;
    const attachments = this.attachments.flatMap((a) =>
      a.id ? [{ id: a.id, name: a.name, size: a.size, type: a.type }] : [],
    );
    if (!hasContent(this.values, attachments) && this.#uncertain === undefined) {
      clearDraft(this.#storageKey);
      return;
    }
    const sector = this.#taxonomy.value?.sectors.find((s) => s.id === this.values.sector);
    if (sector) this.#sectorLabel = sector.label[this.resolvedLocale];
    else if (!this.values.sector) this.#sectorLabel = undefined;
    saveDraft(this.#storageKey, {
      values: this.values, attachments, idempotencyKey: this.#idempotencyKey, sent: this.#uncertain,
      pending: this.phase === 'sending' || this.phase === 'waiting', sentAt: this.#sentAt, sectorLabel: this.#sectorLabel, savedAt: Date.now(),
    });
  }

  #startOver = async () => {
    if (this.#storageKey) clearDraft(this.#storageKey);
    this.#resetControls();
    for (const a of this.attachments) a.controller?.abort();
    this.values = { ...emptyValues(), sector: this.sector ?? '' };
    this.attachments = [];
    this.#counts = {};
    this.#idempotencyKey = newIdempotencyKey();
    this.#sentAt = this.#uncertain = this.#sectorLabel = undefined;
    this.restoredAt = undefined;
    this.errors = {};
    this.showSummary = false;
    this.similar = [];
    this.formError = '';
    // A send still under way is the discarded idea's: it must neither end in a receipt nor
    // come back with the new text.
    this.#cancelRetry();
    this.#sendController?.abort();
    this.#sendController = undefined;
    this.phase = 'editing';
    this.requestUpdate();
    await this.updateComplete;
    this.#focusField('title');
  };

  // --- editing -----------------------------------------------------------------------

  #onInput = (event: Event) => {
    const el = event.target as HTMLInputElement;
    const key = el.name as TextKey | 'consent';
    if (!(key in this.values)) return;
    if (key === 'consent') this.values = { ...this.values, consent: el.checked };
    else {
      this.values = { ...this.values, [key]: el.value };
      const limits = LIMITS[key];
      if (limits) {
        const before = this.#counts[key] ?? 0;
        const now = (this.#counts[key] = graphemeLength(el.value.trim()));
        // The counter shows from 80 % of the limit: re-render only while it shows or toggles.
        if (Math.max(before, now) >= limits[1] * 0.8) this.requestUpdate();
      }
    }
    // A field showing an error is checked again as it changes, so the error goes as soon as it is fixed.
    if (this.errors[key]) this.#setError(key, checkField(key, this.values));
    this.#scheduleSave();
    if (key === 'title') this.#scheduleSimilar();
  };

  #onFocusOut = (event: FocusEvent) => {
    const el = event.target as HTMLInputElement;
    const key = el.name as TextKey | 'consent';
    // The radio group is checked when an answer is picked, not while moving between answers.
    if (!(key in this.values) || key === 'helix' || key === 'consent') return;
    if (this.values[key].trim() === '' && !this.errors[key]) return;
    this.#setError(key, checkField(key, this.values));
  };

  #setError(key: FieldKey, problem: FieldProblem | undefined): void {
    if (this.errors[key] === problem) return;
    const errors = { ...this.errors };
    if (problem) errors[key] = problem;
    else delete errors[key];
    this.errors = errors;
  }

  #focusField(key: FieldKey): void {
    this.renderRoot.querySelector<HTMLElement>(`#f-${key}`)?.focus();
  }

  // --- similar innovations -----------------------------------------------------------

  #scheduleSimilar(): void {
    clearTimeout(this.#similarTimer);
    this.#similarTimer = setTimeout(() => void this.#findSimilar(), SIMILAR_DELAY);
  }

  async #findSimilar(): Promise<void> {
    this.#similarController?.abort();
    const q = this.values.title.trim();
    const client = this.client;
    if (!client || graphemeLength(q) < 4) {
      this.similar = [];
      return;
    }
    const controller = (this.#similarController = new AbortController());
    try {
      const page = await client.listInnovations({ q: q.slice(0, 200), pageSize: 3 }, { signal: controller.signal });
      this.similar = page.items.slice(0, 3);
    } catch {
      // Only a hint: when it fails, the form goes on without it.
      if (!controller.signal.aborted) this.similar = [];
    }
  }

  // --- attachments -------------------------------------------------------------------

  #onFiles = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const t = this.#t;
    const notices: string[] = [];
    const maxSize = this.#maxSize();
    for (const file of Array.from(input.files ?? [])) {
      if (this.attachments.length >= MAX_ATTACHMENTS) {
        notices.push(t.tooMany(MAX_ATTACHMENTS));
        break;
      }
      if (!(UPLOAD_TYPES as readonly string[]).includes(file.type)) notices.push(t.wrongType(file.name));
      else if (file.size > MAX_UPLOAD_BYTES) notices.push(t.tooLarge(file.name, maxSize));
      else {
        const item: Attachment = { key: this.#nextKey++, name: file.name, size: file.size, type: file.type, progress: 0, file };
        this.attachments = [...this.attachments, item];
        void this.#upload(item);
      }
    }
    input.value = '';
    this.attachNotice = notices.join(' ');
  };

  #maxSize(): string {
    return numberFormat(this.resolvedLocale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(MAX_UPLOAD_BYTES / 1024 / 1024);
  }

  #patchAttachment(key: number, patch: Partial<Attachment>): void {
    this.attachments = this.attachments.map((a) => (a.key === key ? { ...a, ...patch } : a));
  }

  async #upload(item: Attachment): Promise<void> {
    const client = this.client;
    if (!client || !item.file) return;
    const controller = new AbortController();
    this.#patchAttachment(item.key, { controller, error: undefined, progress: 0 });
    try {
      const uploaded = await client.upload(item.file, {
        signal: controller.signal,
        filename: item.name,
        onProgress: (progress) => this.#patchAttachment(item.key, { progress }),
      });
      this.#patchAttachment(item.key, { id: uploaded.id, progress: 1, controller: undefined, file: undefined });
      if (this.errors.attachments && !this.attachments.some((a) => !a.id)) this.#setError('attachments', undefined);
      this.#scheduleSave();
    } catch (error) {
      if (isAbort(error)) return;
      const t = this.#t;
      const status = error instanceof ApiError ? error.status : 0;
      const message =
        status === 415 ? t.wrongType(item.name) : status === 413 ? t.tooLarge(item.name, this.#maxSize()) : this.describeError(error);
      this.#patchAttachment(item.key, { error: message, controller: undefined });
    }
  }

  #removeAttachment(item: Attachment): void {
    item.controller?.abort();
    this.attachments = this.attachments.filter((a) => a.key !== item.key);
    if (this.errors.attachments && !this.attachments.some((a) => !a.id)) this.#setError('attachments', undefined);
    this.#scheduleSave();
    void this.updateComplete.then(() => this.#focusField('attachments'));
  }

  // --- sending -----------------------------------------------------------------------

  #onSubmit = async (event: Event) => {
    event.preventDefault();
    await this.#submit();
  };

  /** A send left pending by a reload goes on, unless the form is already on it or offline. */
  async #resume(): Promise<void> {
    if (this.phase !== 'waiting' || !this.isConnected || this.offline || this.#retryTimer !== undefined) return;
    await this.#submit();
  }

  async #submit(): Promise<void> {
    if (this.phase === 'sending' || this.#checking) return;
    // A program still loading decides whether the idea goes in with it.
    if (this.#program.status === TaskStatus.PENDING) {
      this.#checking = true;
      await this.#program.taskComplete.catch(() => undefined);
      this.#checking = false;
    }
    const body = this.#body();
    const problems = checkAll(body, this.values);
    if (this.attachments.some((a) => !a.id)) {
      problems.attachments = { code: 'pending' };
    }
    if (Object.keys(problems).length > 0) {
      this.errors = problems;
      this.#cancelRetry();
      this.phase = 'editing';
      this.#saveNow();
      await this.#showErrors();
      return;
    }
    // "Try again now" while a retry waits keeps the back-off where it is.
    if (this.phase !== 'waiting') this.#retries = 0;
    await this.#send(body);
  }

  #body(): IdeaSubmission {
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('#f-website')?.value ?? '';
    const program = this.#program.value;
    const programId = program && program.status === 'open' && !this.programRefused ? program.id : undefined;
    return toSubmission(this.values, {
      attachments: this.attachments.flatMap((a) => (a.id ? [a.id] : [])),
      programId,
      honeypot,
    });
  }

  async #showErrors(): Promise<void> {
    this.showSummary = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
  }

  async #send(body: IdeaSubmission = this.#body()): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#cancelRetry();
    this.formError = '';
    this.sendError = undefined;
    this.attempt = 0;
    if (this.offline) {
      this.phase = 'waiting';
      return;
    }
    this.phase = 'sending';
    this.#sentAt ??= Date.now();
    // The key is on the device before the request leaves it, so a reload cannot lose it.
    this.#saveNow();
    const controller = (this.#sendController = new AbortController());
    try {
      const receipt = await client.submitIdea(body, {
        idempotencyKey: this.#idempotencyKey,
        signal: controller.signal,
        onRetry: (attempt, error) => {
          this.sendError = error;
          this.attempt = attempt;
        },
      });
      // A newer send (with the same key) took over; its answer is the one that counts.
      if (controller === this.#sendController) await this.#succeed(receipt);
    } catch (error) {
      if (controller !== this.#sendController) return;
      if (isAbort(error)) {
        // Cancelled because the browser went offline or the form left the page: the request
        // may have arrived, so the same key and body go again when the form can send.
        this.#uncertain = body;
        this.#saveNow();
        this.phase = 'waiting';
        return;
      }
      await this.#failed(error as ApiError, body);
    }
  }

  async #failed(error: ApiError, body: IdeaSubmission): Promise<void> {
    if (error.status === 422 && error.problem?.type.endsWith('idempotency-key-reused')) {
      // An earlier send whose answer was lost went through after all: ask again with the
      // body it carried, which returns its receipt (the key never makes a second idea).
      const earlier = this.#uncertain;
      this.#uncertain = undefined;
      if (earlier && JSON.stringify(earlier) !== JSON.stringify(body)) {
        await this.#send(earlier);
        return;
      }
    }
    if (error.retryable || error.status === 409) {
      this.#uncertain = body;
      this.sendError = error;
      this.phase = 'waiting';
      this.#saveNow();
      const delay = error.retryAfter ?? (error.status === 409 ? 1 : RETRY_DELAYS[Math.min(this.#retries, RETRY_DELAYS.length - 1)]!);
      this.#retries++;
      this.#retryTimer = setTimeout(() => void this.#send(), delay * 1000);
      return;
    }
    // A definite refusal: the server kept nothing under this key.
    this.#sentAt = this.#uncertain = undefined;
    this.phase = 'editing';
    this.#saveNow();
    if (error.status === 422 && error.fieldErrors.length > 0) {
      if (error.fieldErrors.some((e) => e.path === 'programId')) {
        this.programRefused = true;
        this.formError = this.#t.programWithout;
      }
      this.errors = problemsOf(error.fieldErrors, this.values);
      if (Object.keys(this.errors).length > 0) await this.#showErrors();
      return;
    }
    this.formError = this.#t.sendFailed(this.describeError(error));
  }

  #cancelRetry(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  #onOnline = () => {
    this.offline = false;
    if (this.phase === 'waiting') void this.#send();
    this.#reloadFailed();
  };

  // --- lists that failed to load -----------------------------------------------------

  #scheduleReload(error: unknown): void {
    if (!this.isConnected || this.#reloadTimer !== undefined) return;
    const wait = RELOAD_DELAYS[Math.min(this.#reloads, RELOAD_DELAYS.length - 1)]!;
    const retryAfter = error instanceof ApiError ? (error.retryAfter ?? 0) : 0;
    this.#reloads++;
    this.#reloadTimer = setTimeout(() => this.#reloadFailed(), Math.max(wait, retryAfter) * 1000);
  }

  /** Loads again whatever failed: the sector list, and the program unless it does not exist. */
  #reloadFailed(): void {
    clearTimeout(this.#reloadTimer);
    this.#reloadTimer = undefined;
    if (this.sectorsError !== undefined) void this.#taxonomy.run();
    if (this.#program.status === TaskStatus.ERROR && reloadable(this.#program.error)) void this.#program.run();
  }

  #onOffline = () => {
    this.offline = true;
    if (this.phase === 'sending') {
      this.phase = 'waiting';
      this.#sendController?.abort();
    }
  };

  async #succeed(receipt: IdeaReceipt): Promise<void> {
    this.#cancelRetry();
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (this.#storageKey) clearDraft(this.#storageKey);
    this.receipt = receipt;
    this.phase = 'done';
    this.copyState = '';
    dispatchInnoEvent(this, 'inno-idea-submitted', { id: receipt.id, trackingCode: receipt.trackingCode });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#success-heading')?.focus();
  }

  #another = async () => {
    this.receipt = undefined;
    await this.#startOver();
  };

  #copy = async () => {
    const code = this.receipt?.trackingCode ?? '';
    try {
      await navigator.clipboard.writeText(code);
      this.copyState = 'copied';
    } catch {
      this.copyState = 'failed';
    }
  };

  // --- tracking-code check -----------------------------------------------------------

  #onCheck = (event: Event) => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#f-check');
    // The server reads codes leniently (case, spaces, dashes) and answers 404 for any other.
    const code = input?.value.trim() ?? '';
    if (!code) {
      input?.focus();
      return;
    }
    this.#checkCode = code;
    void this.#check.run();
  };

  // --- rendering ---------------------------------------------------------------------

  protected override render() {
    if (this.configMissing) return this.renderConfigError();
    const t = this.#t;
    return html`<section class="base" part="base" aria-labelledby="heading">
      <h2 id="heading">${t.heading}</h2>
      ${this.phase === 'done' ? this.#renderSuccess() : this.#renderForm()} ${this.#renderCheck()}
    </section>`;
  }

  #message(key: FieldKey, problem: FieldProblem): string {
    const t = this.#t;
    const label = t.labels[key];
    switch (problem.code) {
      case 'required':
        return key === 'consent' ? t.consentRequired : key === 'sector' || key === 'helix' ? t.choose(label) : t.required(label);
      case 'tooShort':
        return t.tooShort(this.#number(problem.min), this.#number(problem.now));
      case 'tooLong':
        return t.tooLong(this.#number(problem.max), this.#number(problem.now));
      case 'gone':
        return t.attachmentGone;
      case 'pending':
        return t.attachmentsPending;
      default:
        return key === 'email' ? t.emailInvalid : key === 'phone' ? t.phoneInvalid : t.serverRejected;
    }
  }

  #when(iso: string): string {
    return dateFormat(this.resolvedLocale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  }

  #number(n: number): string {
    return numberFormat(this.resolvedLocale).format(n);
  }

  #describedBy(key: FieldKey, ...ids: (string | false | undefined)[]): string | typeof nothing {
    const all = [this.#t.hints[key] && `${key}-hint`, ...ids, this.errors[key] && `${key}-error`].filter(Boolean);
    return all.length > 0 ? all.join(' ') : nothing;
  }

  /** The field's label (or, for a group, its legend), hint and error. */
  #label(key: FieldKey, forControl = true): TemplateResult {
    const t = this.#t;
    const optional = isOptional(key) ? html` <span class="optional">(${t.optional})</span>` : nothing;
    const hint = t.hints[key];
    return html`${forControl
        ? html`<label for="f-${key}">${t.labels[key]}${optional}</label>`
        : html`<legend class="label">${t.labels[key]}${optional}</legend>`}
      ${hint ? html`<p class="hint" id="${key}-hint">${hint}</p>` : nothing}${this.#error(key)}`;
  }

  #error(key: FieldKey): TemplateResult | typeof nothing {
    const problem = this.errors[key];
    return problem ? html`<p class="error" id="${key}-error">${this.#message(key, problem)}</p>` : nothing;
  }

  #textField(key: TextKey, options: {
      multiline?: boolean;
      type?: 'text' | 'email' | 'tel';
      autocomplete?: 'off' | 'name' | 'email' | 'tel' | 'organization';
      inputmode?: 'tel';
    } = {}) {
    const limits = LIMITS[key];
    const count = this.#counts[key] ?? 0;
    const showCount = limits !== undefined && count >= limits[1] * 0.8;
    const invalid = this.errors[key] !== undefined;
    const describedBy = this.#describedBy(key, showCount && `${key}-count`);
    const fmt = numberFormat(this.resolvedLocale);
    const control = options.multiline
      ? html`<textarea
          id="f-${key}"
          name=${key}
          ?required=${!isOptional(key)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${this.values[key]}
        ></textarea>`
      : html`<input
          id="f-${key}"
          name=${key}
          type=${options.type ?? 'text'}
          autocomplete=${options.autocomplete ?? 'off'}
          inputmode=${options.inputmode ?? nothing}
          ?required=${!isOptional(key)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${this.values[key]}
        />`;
    return html`<div class="field ${invalid ? 'invalid' : ''}" part="field">
      ${this.#label(key)} ${control}
      ${showCount
        ? html`<p class="counter ${count > limits[1] ? 'over' : ''}" id="${key}-count">
            ${this.#t.counter(fmt.format(count), fmt.format(limits[1]))}
          </p>`
        : nothing}
      ${key === 'title' ? this.#renderSimilar() : nothing}
    </div>`;
  }

  #renderForm(): TemplateResult {
    const t = this.#t;
    const problems = FIELD_ORDER.filter((key) => this.errors[key]);
    const sending = this.phase === 'sending';
    return html`<p>${t.intro}</p>
      ${this.#renderProgram()} ${this.#renderDraftNotice()}
      ${this.showSummary && problems.length > 0
        ? html`<div class="summary" part="error-summary" id="error-summary" tabindex="-1" role="group" aria-labelledby="summary-heading">
            <h3 id="summary-heading">${t.summaryHeading(problems.length)}</h3>
            <ul>
              ${problems.map(
                (key) => html`<li>
                  <a href="#f-${key}" @click=${(e: Event) => {
                    e.preventDefault();
                    this.#focusField(key);
                  }}>${this.#message(key, this.errors[key]!)}</a>
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <form part="form" novalidate @submit=${this.#onSubmit} @input=${this.#onInput} @focusout=${this.#onFocusOut}>
        <fieldset>
          <legend>${t.ideaSection}</legend>
          ${this.#textField('title')} ${this.#textField('problem', { multiline: true })}
          ${this.#textField('solution', { multiline: true })} ${this.#textField('benefit', { multiline: true })}
          ${this.#renderSector()} ${this.#textField('location', { autocomplete: 'off' })} ${this.#renderAttachments()}
        </fieldset>
        <fieldset>
          <legend>${t.aboutYouSection}</legend>
          ${this.#renderHelix()} ${this.#textField('name', { autocomplete: 'name' })}
          ${this.#textField('email', { type: 'email', autocomplete: 'email' })}
          ${this.#textField('phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel' })}
          ${this.#textField('organization', { autocomplete: 'organization' })}
        </fieldset>
        ${this.#renderConsent()}
        <div class="hp" aria-hidden="true" .inert=${true}>
          <label for="f-website">Website</label>
          <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <div class="actions">
          <button class="button" type="submit" part="submit" aria-disabled=${sending ? 'true' : 'false'} aria-describedby="send-status">
            ${sending ? t.sending : this.phase === 'waiting' ? t.retryNow : t.submit}
          </button>
        </div>
        <p class="send-status" id="send-status" part="status" role="status">${this.#statusText()}</p>
        ${this.formError ? html`<p class="form-error" role="alert">${this.formError}</p>` : nothing}
        <p class="hint">${t.draftNote}</p>
      </form>`;
  }

  /**
   * What the status line says. While a retry waits, the send button itself reads "Try again
   * now" (a second button doing the same read as a second choice).
   */
  #statusText(): string {
    const t = this.#t;
    // While the client retries, why: "The innovation server could not be reached. Still sending (attempt 2)…".
    if (this.phase === 'sending') {
      // (A retry always comes with its reason: onRetry sets both.)
      return this.attempt > 0 ? `${this.describeError(this.sendError)} ${t.stillSending(this.attempt)}` : t.sending;
    }
    if (this.phase !== 'waiting') return '';
    if (this.offline) return t.offline;
    const error = this.sendError;
    if (error?.status === 429) return t.notSentYet(this.coreStrings.errorRateLimited(error.retryAfter));
    return t.notSentYet(error ? this.describeError(error) : '');
  }

  #renderDraftNotice() {
    if (this.restoredAt === undefined) return nothing;
    const t = this.#t;
    return html`<div class="notice" part="draft-notice" role="status">
      <p>${t.draftRestored}</p>
      <button class="button secondary" type="button" @click=${this.#startOver}>${t.startOver}</button>
    </div>`;
  }

  #renderProgram() {
    if (!this.#programId) return nothing;
    const t = this.#t;
    const locale = this.resolvedLocale;
    return html`<div class="notice ${this.#program.value?.status === 'open' && !this.programRefused ? '' : 'warn'}" part="program">
      ${this.#program.render({
        pending: () => html`<p class="muted">${this.coreStrings.loading}</p>`,
        complete: (program) => {
          if (!program) return nothing;
          const date = (d: string) => formatCalendarDate(locale, d);
          if (program.status === 'open' && !this.programRefused) return html`<p>${t.programFor(program.title, date(program.closesOn))}</p>`;
          const said = program.status === 'upcoming' ? t.programUpcoming(program.title, date(program.opensOn)) : t.programClosed(program.title, date(program.closesOn));
          return html`<p>${said}</p>
            <p>${t.programWithout}</p>`;
        },
        error: (error) =>
          isAbort(error)
            ? nothing
            : html`<p>${error instanceof ApiError && error.status === 404 ? t.programMissing : this.describeError(error)}</p>
                <p>${t.programWithout}</p>
                ${error instanceof ApiError && error.status === 404
                  ? nothing
                  : html`<button class="button secondary" type="button" @click=${() => void this.#program.run()}>
                      ${this.coreStrings.retry}
                    </button>`}`,
      })}
    </div>`;
  }

  #renderSimilar() {
    const t = this.#t;
    const items = this.similar;
    return html`<div class="similar" part="similar">
      <p role="status" class=${items.length ? '' : 'visually-hidden'}>
        ${items.length ? html`<strong class="block">${t.similarHeading}</strong> ${t.similarNote}` : ''}
      </p>
      ${items.length
        ? html`<ul>
            ${items.map(
              (item) => html`<li>
                <details>
                  <summary>${item.title}</summary>
                  <p>${item.summary}</p>
                  <p class="muted">${item.owner.name}, ${item.year}</p>
                </details>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  #renderSector() {
    const t = this.#t;
    const locale = this.resolvedLocale;
    const invalid = this.errors.sector !== undefined;
    const sectors = this.#taxonomy.value?.sectors ?? [];
    const failed = this.sectorsError !== undefined;
    // Until the list loads, the sector already chosen (a draft, the page's preset) is shown,
    // so that the select shows what would be sent.
    const kept = sectors.length === 0 && this.values.sector !== '';
    return html`<div class="field ${invalid ? 'invalid' : ''}" part="field">
      ${this.#label('sector')}
      <select
        id="f-sector"
        name="sector"
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${this.#describedBy('sector', failed && 'sector-failed')}
        aria-busy=${sectors.length === 0 && !failed ? 'true' : 'false'}
        .value=${this.values.sector}
      >
        <option value="">${sectors.length === 0 && !failed ? this.coreStrings.loading : t.chooseSector}</option>
        ${kept ? html`<option value=${this.values.sector} selected>${this.#sectorLabel ?? this.values.sector}</option>` : nothing}
        ${sectors.map((s) => html`<option value=${s.id} ?selected=${s.id === this.values.sector}>${s.label[locale]}</option>`)}
      </select>
      ${failed
        ? html`<p class="error" id="sector-failed">${this.describeError(this.sectorsError)}</p>
            <button class="button secondary" type="button" @click=${this.#retrySectors}>${this.coreStrings.retry}</button>`
        : nothing}
    </div>`;
  }

  #retrySectors = () => {
    this.sectorsError = undefined;
    void this.#taxonomy.run();
  };

  #renderHelix() {
    const invalid = this.errors.helix !== undefined;
    const labels = this.#t.helixSelf;
    return html`<fieldset class="field choices ${invalid ? 'invalid' : ''}" part="field">
      ${this.#label('helix', false)}
      ${HELIX_ORDER.map(
        (helix, i) => html`<label>
          <input
            id=${i === 0 ? 'f-helix' : `f-helix-${helix}`}
            type="radio"
            name="helix"
            value=${helix}
            required
            .checked=${this.values.helix === helix}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('helix')}
          />
          <span>${labels[helix]}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  #renderConsent() {
    const t = this.#t;
    const invalid = this.errors.consent !== undefined;
    const privacy = safePageUrl(this.privacyUrl)?.href;
    return html`<div class="field ${invalid ? 'invalid' : ''}" part="field">
      ${this.#error('consent')}
      <div class="check">
        <input
          type="checkbox"
          id="f-consent"
          name="consent"
          required
          .checked=${this.values.consent}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('consent')}
        />
        <label for="f-consent">${t.labels.consent}</label>
      </div>
      ${privacy
        ? html`<p>
            <a href=${privacy} target="_blank" rel="noopener noreferrer"
              >${t.privacyLink}<span class="visually-hidden"> ${this.coreStrings.opensInNewTab}</span></a
            >
          </p>`
        : nothing}
    </div>`;
  }

  /**
   * The native picker's own words ("Choose files", "No file chosen") follow the browser's
   * language, not the page's: it stays the real control, visually hidden, behind our button.
   */
  #renderAttachments() {
    const t = this.#t;
    const invalid = this.errors.attachments !== undefined;
    return html`<fieldset class="field ${invalid ? 'invalid' : ''}" part="field attachments">
      ${this.#label('attachments', false)}
      <label class="file-pick">
        <input
          id="f-attachments"
          class="visually-hidden"
          type="file"
          multiple
          accept=${UPLOAD_TYPES.join(',')}
          ?disabled=${this.attachments.length >= MAX_ATTACHMENTS}
          aria-label=${t.attach}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('attachments', this.attachNotice !== '' && 'attachments-notice')}
          @change=${this.#onFiles}
        />
        <span class="button secondary" aria-hidden="true">${t.attach}</span>
      </label>
      <p class="error" id="attachments-notice" role="alert">${this.attachNotice}</p>
      ${this.attachments.length
        ? html`<ul class="files">
            ${this.attachments.map(
              (a) => html`<li>
                <span class="file-name">${a.name}</span>
                ${a.id
                  ? html`<span class="muted">${t.uploaded}</span>`
                  : a.error
                    ? nothing
                    : html`<progress max="1" .value=${a.progress} aria-label=${t.uploading(a.name)}></progress>`}
                ${a.error && a.file
                  ? html`<button class="button secondary" type="button" @click=${() => void this.#upload(a)}>${t.retryUpload(a.name)}</button>`
                  : nothing}
                <button class="button secondary" type="button" @click=${() => this.#removeAttachment(a)}>${t.remove(a.name)}</button>
                ${a.error ? html`<p class="error">${a.error}</p>` : nothing}
              </li>`,
            )}
          </ul>`
        : nothing}
    </fieldset>`;
  }

  #renderSuccess(): TemplateResult {
    const t = this.#t;
    const receipt = this.receipt!;
    return html`<div class="success" part="success">
      <h3 id="success-heading" tabindex="-1">${t.successHeading}</h3>
      <p>${t.successBody}</p>
      <p class="label" id="code-label">${t.trackingCode}</p>
      <div class="code-row">
        <span class="code" id="tracking-code" aria-labelledby="code-label">${receipt.trackingCode}</span>
        <button class="button secondary" type="button" aria-describedby="tracking-code" @click=${this.#copy}>${t.copy}</button>
        <span role="status">${this.copyState === 'copied' ? t.copied : this.copyState === 'failed' ? t.copyFailed : ''}</span>
      </div>
      <dl>
        <dt>${t.status}</dt>
        <dd>
          ${this.#status.render({
            initial: () => this.coreStrings.loading,
            pending: () => this.coreStrings.loading,
            complete: (view) => (view ? this.#t.ideaStatus[view.status] : this.#t.ideaStatus.received),
            error: (error) => html`${this.describeError(error)}
              <button class="button secondary" type="button" @click=${() => void this.#status.run()}>${this.coreStrings.retry}</button>`,
          })}
        </dd>
        <dt>${t.receivedOn}</dt>
        <dd>${this.#when(receipt.createdAt)}</dd>
      </dl>
      <button class="button" type="button" @click=${this.#another}>${t.another}</button>
    </div>`;
  }

  #renderCheck(): TemplateResult {
    const t = this.#t;
    return html`<section class="check-code" part="check" aria-labelledby="check-heading">
      <h3 id="check-heading">${t.checkHeading}</h3>
      <form novalidate @submit=${this.#onCheck}>
        <label for="f-check">${t.checkLabel}</label>
        <p class="hint" id="check-hint">${t.checkHint}</p>
        <div class="row">
          <input id="f-check" type="text" autocomplete="off" spellcheck="false" required aria-describedby="check-hint" />
          <button class="button secondary" type="submit">${t.checkButton}</button>
        </div>
        <div class="check-result" role="status">
          ${this.#check.render({
            pending: () => this.coreStrings.loading,
            complete: (view) =>
              view
                ? html`<dl>
                    <dt>${t.labels.title}</dt>
                    <dd>${view.title}</dd>
                    <dt>${t.status}</dt>
                    <dd>${this.#t.ideaStatus[view.status]}</dd>
                    <dt>${t.updatedOn}</dt>
                    <dd>${this.#when(view.updatedAt)}</dd>
                  </dl>`
                : nothing,
            error: (error) =>
              isAbort(error)
                ? nothing
                : html`<p class="form-error">
                    ${error instanceof ApiError && error.status === 404 ? t.checkNotFound : this.describeError(error)}
                  </p>`,
          })}
        </div>
      </form>
    </section>`;
  }
}
