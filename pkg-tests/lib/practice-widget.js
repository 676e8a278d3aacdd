// A page object for one <adaptive-practice> widget: what a learner sees and does, by keyboard.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

/** Reads a bank of the repository, to know each item's right answer. */
export function readBank(path) {
  return JSON.parse(readFileSync(new URL(path, root), 'utf8'));
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

  async waitForItem() {
    await this.part('form.ap-item').waitFor();
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

  /** A description of the element that has keyboard focus, inside shadow roots too. */
  async focused() {
    return this.page.evaluate(() => {
      let element = document.activeElement;
      while (element && element.shadowRoot && element.shadowRoot.activeElement) {
        element = element.shadowRoot.activeElement;
      }
      if (!element) return 'nothing';
      return `${element.tagName.toLowerCase()}${element.className ? '.' + element.className.split(' ').join('.') : ''}[${element.getAttribute('type') || ''}]`;
    });
  }

  /** Moves focus with Tab until it lands on an input of the current item (at most 30 presses). */
  async tabToAnswer() {
    for (let presses = 0; presses < 30; presses += 1) {
      if ((await this.focused()).startsWith('input')) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached an answer field; focus is on ${await this.focused()}`);
  }

  /**
   * Answers the current item by keyboard only, right or wrong. Focus must be on its first input.
   * Returns the item answered.
   */
  async answerByKeyboard(right) {
    const item = await this.currentItem();
    const keyboard = this.page.keyboard;
    if (item.type === 'singleChoice') {
      const target = right ? item.answer : (item.answer + 1) % item.choices.length;
      if (target === 0) await keyboard.press('Space');
      for (let step = 0; step < target; step += 1) await keyboard.press('ArrowDown');
      await keyboard.press('Tab');
      if (!(await this.focused()).startsWith('button.ap-button.ap-check')) {
        throw new Error(`Tab from the choices should reach Check, reached ${await this.focused()}`);
      }
      await keyboard.press('Enter');
    } else {
      const answer = right ? String(item.answer) : '999';
      await keyboard.type(answer);
      await keyboard.press('Enter');
    }
    await this.part('.ap-next').waitFor();
    return item;
  }

  /** Presses Enter on the focused Next button and waits for the next item. */
  async nextByKeyboard() {
    const focus = await this.focused();
    if (!focus.startsWith('button.ap-button.ap-next')) throw new Error(`focus after Check is on ${focus}, not Next`);
    await this.page.keyboard.press('Enter');
    await this.part('.ap-check').waitFor();
  }
}
