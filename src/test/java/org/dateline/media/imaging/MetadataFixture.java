package org.dateline.media.imaging;

import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import java.util.List;

/**
 * A JPEG tagged the way agency photos are: EXIF (with GPS), IPTC IIM and XMP, some fields in several of them with
 * different values, so that tests can tell which one was read.
 */
final class MetadataFixture {

    static final String XMP = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about=""
                  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
                  xmlns:dc="http://purl.org/dc/elements/1.1/">
               <photoshop:Headline>XMP headline wins over IIM</photoshop:Headline>
               <photoshop:Credit>Dateline Pictures</photoshop:Credit>
               <photoshop:DateCreated>2024-03-15T10:15:30+01:00</photoshop:DateCreated>
               <dc:creator><rdf:Seq><rdf:li>Ana Ruiz</rdf:li></rdf:Seq></dc:creator>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>""";

    private MetadataFixture() {
    }

    static byte[] taggedJpeg(byte[] jpeg) throws Exception {
        byte[] exif = Pictures.withExif(jpeg, 1, true);
        byte[] iim = Pictures.withIptc(exif, List.of(
                Pictures.iptc(IptcTypes.HEADLINE, "IIM headline"),
                Pictures.iptc(IptcTypes.CAPTION_ABSTRACT, "Crowds gather in the square – IIM caption"),
                Pictures.iptc(IptcTypes.CREDIT, "IIM credit"),
                Pictures.iptc(IptcTypes.BYLINE, "IIM byline"),
                Pictures.iptc(IptcTypes.DATE_CREATED, "20200101")));
        return Pictures.withXmp(iim, XMP);
    }
}
