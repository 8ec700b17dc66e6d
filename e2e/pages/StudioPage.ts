/**
 * Page object for the studio, through accessible roles and names only (the names are part of the
 * product: palette entries are named after the kind, cards "<Kind label>: <name>").
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface DocShape {
  name: string;
  nodes: {
    id: string;
    kind: string;
    name: string;
    position: { x: number; y: number };
    config: Record<string, unknown>;
  }[];
  edges: { id: string; source: string; target: string; config: Record<string, unknown> }[];
  [key: string]: unknown;
}

export class StudioPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.canvas).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: /^(Saved|保存済み)$/ })).toBeVisible();
  }

  get canvas(): Locator {
    return this.page.getByRole('region', { name: /Pipeline canvas|パイプラインキャンバス/ });
  }

  paletteEntry(label: string): Locator {
    return this.page
      .getByRole('navigation', { name: /Palette|パレット/ })
      .getByRole('button', { name: label, exact: true });
  }

  /** A node card by its accessible name, e.g. "Data stream: clickstream". */
  node(name: string | RegExp): Locator {
    return this.canvas.getByRole('group', { name, exact: typeof name === 'string' });
  }

  handle(nodeName: string, side: 'in' | 'out'): Locator {
    return this.canvas.getByLabel(side === 'in' ? `Input of ${nodeName}` : `Output of ${nodeName}`, {
      exact: true,
    });
  }

  /** Drag a palette entry onto the canvas at (x, y) px from the canvas' top-left corner. */
  async dragFromPalette(label: string, x: number, y: number): Promise<void> {
    await this.paletteEntry(label).dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** Drag a connection from one node's output handle to another's input handle, with the mouse. */
  async connect(from: string, to: string): Promise<void> {
    const a = await this.handle(from, 'out').boundingBox();
    const b = await this.handle(to, 'in').boundingBox();
    if (!a || !b) throw new Error(`handles of ${from} → ${to} not found`);
    const { mouse } = this.page;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
    await mouse.up();
  }

  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: /Inspector|インスペクター/ });
  }

  async doc(): Promise<DocShape> {
    return this.page.evaluate(() => {
      const w = window as unknown as { __studio: { getState(): { doc: unknown } } };
      return JSON.parse(JSON.stringify(w.__studio.getState().doc));
    });
  }

  async designMenu(): Promise<Locator> {
    await this.page.getByRole('button', { name: /^(Design|デザイン): / }).click();
    return this.page.getByRole('dialog', { name: /Designs|デザイン一覧/ });
  }

  async saved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /^(Saved|保存済み)$/ })).toBeVisible();
  }
}
