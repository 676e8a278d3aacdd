// A page object for one <adaptive-practice> widget: what a learner sees and does, by keyboard.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

/** Reads a bank of the repository, to know each item's right answer. */
export function readBank(path) {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8'));
}

/**
 * Opens www/two-widgets.html with its widgets replaced by one, `id`, on the bank `src` (relative
 * to www/, e.g. '../pkg-tests/fixtures/x.json', which a test usually serves with `route`);
 * returns the widget's locator.
 */
export async function openWidgetAlone(page, baseUrl, id, src) {
  await page.goto(baseUrl + 'www/two-widgets.html');
  await page.evaluate(
    ([widgetId, bankSrc]) => {
      for (const other of document.querySelectorAll('adaptive-practice')) other.remove();
      const element = document.createElement('adaptive-practice');
      element.id = widgetId;
      element.setAttribute('src', bankSrc);
      document.body.prepend(element);
    },
    [id, src],
  );
  return page.locator(`#${id}`);
}

export class PracticeWidget {
  constructor(page, selector = 'adaptive-practice', bank = null) {
    this.page = page;
    this.host = page.locator(selector);
    this.bank = bank;
  }

  /** Playwright's CSS locators pierce open shadow roots. */
  part(css) {
    return this.host.locator(css);
  }

  /** Waits for the item, then for the progress list (built once the item's frame is painted). */
  async waitForItem() {
    await this.part('form.ap-item').waitFor();
    await this.part('section.ap-skills').waitFor();
  }

  async currentItem() {
    const id = await this.part('form.ap-item').getAttribute('data-item-id');
    return this.bank.items.find((item) => item.id === id);
  }

  async feedback() {
    return (await this.part('.ap-feedback').textContent()).trim();
  }

  async score() {
    return (await this.part('.ap-score').textContent()).trim();
  }

  /** Skill name -> shown mastery text, for every skill in the progress list. */
  async masteryFigures() {
    const rows = await this.part('.ap-skill').all();
    const figures = {};
    for (const row of rows) {
      figures[await row.locator('.ap-skill-name').textContent()] =
        `${await row.locator('.ap-badge').textContent()} ${await row.locator('.ap-skill-mastery').textContent()}`;
    }
    return figures;
  }

  /**
   * The element that has keyboard focus (inside open shadow roots and same-origin frames): a
   * description and its aria-label. When the page itself has lost the focus (Tab went past its
   * last control, into the browser's own interface), the description is 'outside the page'.
   */
  async focusInfo() {
    return this.page.evaluate(() => {
      if (!document.hasFocus()) return { description: 'outside the page', label: null };
      let element = document.activeElement;
      for (let depth = 0; element && depth < 10; depth += 1) {
        if (element.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        else if (element.tagName === 'IFRAME' && element.contentDocument?.activeElement)
          element = element.contentDocument.activeElement;
        else break;
      }
      if (!element) return { description: 'nothing', label: null };
      const classes = element.className ? '.' + element.className.split(' ').join('.') : '';
      return {
        description: `${element.tagName.toLowerCase()}${classes}[${element.getAttribute('type') || ''}]`,
        label: element.getAttribute('aria-label'),
      };
    });
  }

  async focused() {
    return (await this.focusInfo()).description;
  }

  /** Moves focus with Tab until it lands on an input of the current item (at most 30 presses). */
  async tabToAnswer() {
    await this.tabUntil((focus) => focus.startsWith('input'), 'an answer field', 30);
  }

  /**
   * Presses Tab (forwards) until `predicate(focusDescription)` holds; at most `most` presses.
   * Going past the page's last control is an error, not a way round: focus then leaves the page
   * for the browser's interface, and Firefox never gives it back to the page's keys. A page
   * behind another tab has no focus either in Firefox: `page.bringToFront()` first.
   */
  async tabUntil(predicate, what, most = 40) {
    for (let presses = 0; presses < most; presses += 1) {
      const focus = await this.focused();
      if (predicate(focus)) return;
      if (focus === 'outside the page') {
        throw new Error(
          `the page lost the focus before Tab reached ${what} (past its last control, or behind another tab)`,
        );
      }
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${what}; focus is on ${await this.focused()}`);
  }

  /**
   * Moves focus among the item's move buttons to the one labelled `label`: Tab when it comes
   * after the focused one, Shift+Tab when before (disabled buttons take no focus).
   */
  async focusMoveButton(label) {
    for (let presses = 0; presses < 20; presses += 1) {
      const labels = await this.part('form.ap-item .ap-icon-button:enabled').evaluateAll((buttons) =>
        buttons.map((button) => button.getAttribute('aria-label')),
      );
      const focused = labels.indexOf(await this.focusedLabel());
      const wanted = labels.indexOf(label);
      if (wanted < 0) throw new Error(`no enabled move button labelled ${label}`);
      if (focused < 0) throw new Error(`focus is on ${await this.focused()}, not on a move button`);
      if (focused === wanted) return;
      await this.page.keyboard.press(wanted > focused ? 'Tab' : 'Shift+Tab');
    }
    throw new Error(`could not reach the move button ${label}; focus is on ${await this.focusedLabel()}`);
  }

  /** The part of the current item on screen: the item, or its current step. */
  async currentPart() {
    const item = await this.currentItem();
    const part = Number(await this.part('form.ap-item').getAttribute('data-part'));
    return item.type === 'multiStep' ? { ...item.steps[part], id: item.id } : item;
  }

  /** The right answer of a typed part; a template's answer is worked out from the prompt shown. */
  async typedAnswer(part) {
    return this.shownText(part, String(part.type === 'shortText' ? part.answers[0] : part.answer));
  }

  /** `text` of the bank's `part` as the widget shows it: a template's `{{…}}` filled with the variant's values. */
  async shownText(part, text) {
    if (!part.template) return text;
    const prompt = (await this.part('.ap-prompt').textContent()).replace(/\s+/g, ' ').trim();
    return templateFill(part, prompt)(text);
  }

  async answerByKeyboard(right) {
    const part = await this.currentPart();
    const keyboard = this.page.keyboard;
    const inForm = (f) => f.startsWith('input') || f.startsWith('select') || f.startsWith('button.ap-icon-button');
    await this.tabUntil(inForm, 'the answer');
    switch (part.type) {
      case 'singleChoice': {
        const target = right ? part.answer : (part.answer + 1) % part.choices.length;
        if (target === 0) await keyboard.press('Space');
        for (let step = 0; step < target; step += 1) await keyboard.press('ArrowDown');
        break;
      }
      case 'multipleResponse': {
        const values = await this.part('form.ap-item input[type=checkbox]').evaluateAll((inputs) =>
          inputs.map((i) => Number(i.value)),
        );
        const wanted = right ? part.answers : [values[0]];
        for (const [place, value] of values.entries()) {
          if (wanted.includes(value)) await keyboard.press('Space');
          if (place < values.length - 1) await keyboard.press('Tab');
        }
        break;
      }
      case 'numeric':
      case 'mathExpression':
      case 'shortText':
        await keyboard.type(right ? await this.typedAnswer(part) : '999');
        break;
      case 'ordering': {
        // Bubble the entries into place with the Up buttons, moving focus with Tab only.
        for (let pass = 0; pass < part.items.length; pass += 1) {
          const shown = await this.part('.ap-order-text').allTextContents();
          const place = shown.findIndex(
            (text, i) => i > 0 && part.items.indexOf(text) < part.items.indexOf(shown[i - 1]),
          );
          if (place < 0 || !right) break;
          const label = `Move “${shown[place]}” up from place ${place + 1}`;
          await this.tabUntil((f) => f.includes('ap-icon-button'), 'a move button');
          await this.focusMoveButton(label);
          await keyboard.press('Enter');
        }
        break;
      }
      case 'fillBlanks':
        for (const [index, blank] of part.blanks.entries()) {
          await keyboard.type(right ? String(blank.answers[0] ?? blank.numeric) : 'nothing');
          if (index < part.blanks.length - 1) await keyboard.press('Tab');
        }
        break;
      case 'matching': {
        const selects = await this.part('form.ap-item select').all();
        for (const [left, select] of selects.entries()) {
          const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
          const target = right ? String(left) : String((left + 1) % part.pairs.length);
          const steps = options.indexOf(target);
          for (let step = 0; step < steps; step += 1) await keyboard.press('ArrowDown');
          if (left < selects.length - 1) await keyboard.press('Tab');
        }
        break;
      }
      default:
        throw new Error(`no keyboard recipe for ${part.type}`);
    }
    await this.tabUntil((f) => f.startsWith('button.ap-button.ap-check'), 'Check');
    await keyboard.press('Enter');
    try {
      await this.part('.ap-next').waitFor({ timeout: 15000 });
    } catch (error) {
      throw new Error(`no Next button after Check on ${part.id}: ${await this.describeState()}`, { cause: error });
    }
    return part;
  }

  /** What the widget shows now, for a failure's message: item, step, focus, any message shown. */
  async describeState() {
    const form = this.part('form.ap-item');
    const item = (await form.count()) ? await form.getAttribute('data-item-id') : 'no item form';
    const messages = await this.part('.ap-unreadable, .ap-feedback, [role=alert]').allTextContents();
    return `item ${item}, focus on ${await this.focused()}, shown: ${JSON.stringify(messages)}`;
  }

  async focusedLabel() {
    return (await this.focusInfo()).label;
  }

  /** Presses Enter on the focused Next button and waits for the next item. */
  async nextByKeyboard() {
    // The widget moves focus to Next as the verdict renders; allow it a second to land.
    let focus = await this.focused();
    for (let tries = 0; tries < 20 && !focus.startsWith('button.ap-button.ap-next'); tries += 1) {
      await this.page.waitForTimeout(50);
      focus = await this.focused();
    }
    if (!focus.startsWith('button.ap-button.ap-next')) throw new Error(`focus after Check is on ${focus}, not Next`);
    await this.page.keyboard.press('Enter');
    await this.part('form.ap-item').waitFor();
  }
}

/**
 * The filling of a template item's texts for the variant whose prompt is `shown`: every
 * combination of the template's whole-number variables is tried until its prompt reads exactly as
 * shown. The expressions are the bank's own (`a * b`); Node evaluates them here, in the test,
 * never in the page.
 */
export function templateFill(part, shown) {
  const names = Object.keys(part.template.variables);
  const fillWith = (values) => (text) =>
    text.replace(/\{\{([^}]*)\}\}/g, (_, expression) =>
      String(new Function(...names, `return (${expression});`)(...values)),
    );
  const search = (values) => {
    if (values.length === names.length) {
      const fill = fillWith(values);
      return fill(part.prompt).replace(/\s+/g, ' ').trim() === shown ? fill : null;
    }
    const { min, max } = part.template.variables[names[values.length]];
    for (let value = min; value <= max; value += 1) {
      const found = search([...values, value]);
      if (found !== null) return found;
    }
    return null;
  };
  const fill = search([]);
  if (fill === null) throw new Error(`no values of ${part.id}'s template give the prompt shown: ${shown}`);
  return fill;
}
