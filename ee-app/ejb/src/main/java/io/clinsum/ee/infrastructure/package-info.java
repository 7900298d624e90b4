/** Technical adapters: persistence, batch, migrations, the summarizer and security bootstrap. */
package io.clinsum.ee.infrastructure;
