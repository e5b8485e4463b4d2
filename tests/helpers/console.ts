// Browser-test steps for the board's top bar and the facilitator console (its sections are ARIA tabs).
import type { Page } from 'playwright-core';

export type ConsoleSection = 'Run' | 'Teams' | 'People' | 'Options';

/** Opens a section of the facilitator console (the People tab's name carries a count: "People (3)"). */
export async function openConsoleSection(page: Page, section: ConsoleSection): Promise<void> {
  await page
    .getByRole('tab', { name: section === 'People' ? /^People/ : section, exact: section !== 'People' })
    .click();
  // The tab says it is selected once React has shown its section.
  await page
    .getByRole('tab', { name: section === 'People' ? /^People/ : section, exact: section !== 'People', selected: true })
    .waitFor();
}

/** Opens the facilitator's board menu in the top bar and picks an item (Export, Decisions, Import notes, Manage board). */
export async function chooseFromBoardMenu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Board menu' }).click();
  await page.getByRole('list', { name: 'Board menu' }).getByRole('button', { name: item, exact: true }).click();
}
