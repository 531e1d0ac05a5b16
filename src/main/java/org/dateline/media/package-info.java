/**
 * Pictures: the library of originals with their caption, credit, copyright and alt text, renditions made from the
 * originals on demand, and serving those renditions on a fast path.
 *
 * <p>API: {@link org.dateline.media.Picture} (with its rendition URLs), {@link org.dateline.media.PictureQueries},
 * the use cases {@link org.dateline.media.UploadPicture}, {@link org.dateline.media.UpdatePicture},
 * {@link org.dateline.media.ReplacePictureFile} (a new version's file), {@link org.dateline.media.WithdrawPicture}
 * (a provider's cancellation), {@link org.dateline.media.DeletePicture}, {@link org.dateline.media.PicturePolicy},
 * {@link org.dateline.media.RenditionSizes} (feeds' enclosures need a rendition's length), and the interface
 * {@link org.dateline.media.PictureUsers}, which the module that shows pictures implements so that a picture in
 * use cannot be deleted. The pipeline of bytes (inspection, metadata, renditions) is the named interface
 * {@code imaging}.
 *
 * <p>Originals live in the database (every node reads them); renditions are a per-node cache under the data folder,
 * made again from the original by any node that lacks one. Changes: {@code picture.updated} and
 * {@code picture.removed} (keys {@code picture:<id>}, and {@code original:<key>} for bytes that left the library).
 */
package org.dateline.media;
