package org.dateline.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.media.DeletePicture;
import org.dateline.media.PictureFields;
import org.dateline.media.PictureJson;
import org.dateline.media.PictureQueries;
import org.dateline.media.PictureResult;
import org.dateline.media.PictureSearch;
import org.dateline.media.PictureUpload;
import org.dateline.media.UpdatePicture;
import org.dateline.media.UploadPicture;
import org.dateline.media.imaging.ImageInspector;
import org.dateline.platform.web.ApiException;
import org.dateline.platform.web.BaseUrl;
import org.dateline.platform.web.Problems;
import org.dateline.shared.FeedCursor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin API's picture library: upload (multipart with the fields, or the bare bytes), list and search, read,
 * update, delete. Authorised in the security configuration (reads {@code stories:read}, writes
 * {@code articles:write}); each call is the use case the newsroom's pages call, with the token's actor.
 */
@RestController
@RequestMapping(value = "/api/admin/pictures", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Pictures", description = "The picture library")
@SecurityRequirement(name = "bearer")
class AdminPicturesController {

    private static final int MAX_PAGE = 100;

    private final UploadPicture upload;
    private final UpdatePicture update;
    private final DeletePicture delete;
    private final PictureQueries queries;
    private final CurrentActor currentActor;
    private final BaseUrl baseUrl;

    AdminPicturesController(UploadPicture upload, UpdatePicture update, DeletePicture delete, PictureQueries queries,
                            CurrentActor currentActor, BaseUrl baseUrl) {
        this.upload = upload;
        this.update = update;
        this.delete = delete;
        this.queries = queries;
        this.currentActor = currentActor;
        this.baseUrl = baseUrl;
    }

    @Schema(description = "A picture's fields; an absent field keeps its value (on upload: what the file says)")
    record PictureRequest(String headline, String caption, String altText, String credit, String byline,
                          String copyright,
                          @Schema(description = "Focal point, per mille of the width (0-1000)") Integer focalX,
                          @Schema(description = "Focal point, per mille of the height (0-1000)") Integer focalY) {
        PictureFields fields() {
            return new PictureFields(headline, caption, altText, credit, byline, copyright, focalX, focalY);
        }
    }

    @Operation(summary = "Upload a picture (multipart/form-data)", description = "Part 'file' holds a JPEG, PNG or "
            + "WebP of at most 50 MB; parts headline, caption, altText, credit, byline, copyright, focalX and focalY "
            + "are optional: an absent one takes what the file's IPTC or XMP says. Answers 201 with the picture.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> uploadForm(@RequestPart("file") MultipartFile file,
                                 @RequestParam(required = false) String headline,
                                 @RequestParam(required = false) String caption,
                                 @RequestParam(required = false) String altText,
                                 @RequestParam(required = false) String credit,
                                 @RequestParam(required = false) String byline,
                                 @RequestParam(required = false) String copyright,
                                 @RequestParam(required = false) Integer focalX,
                                 @RequestParam(required = false) Integer focalY) throws IOException {
        if (file.getSize() > ImageInspector.MAX_BYTES) {
            throw tooLarge();
        }
        PictureFields fields = new PictureFields(headline, caption, altText, credit, byline, copyright, focalX, focalY);
        return created(upload.upload(actor(), PictureUpload.of(file.getBytes(), file.getContentType(),
                file.getOriginalFilename(), fields)));
    }

    @Operation(summary = "Upload a picture as the bare bytes", description = "The body is the file (Content-Type "
            + "image/jpeg, image/png or image/webp); its fields come from its IPTC or XMP, and a PUT with JSON sets the "
            + "rest. Answers 201 with the picture.")
    @PostMapping(consumes = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE, "image/webp",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<?> uploadBytes(HttpServletRequest request,
                                  @RequestParam(required = false) String fileName) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) ImageInspector.MAX_BYTES + 1);
        }
        if (bytes.length > ImageInspector.MAX_BYTES) {
            throw tooLarge();
        }
        return created(upload.upload(actor(), PictureUpload.of(bytes, request.getContentType(), fileName,
                PictureFields.none())));
    }

    @Operation(summary = "The library, newest first", description = "q: words that must all appear in headline, "
            + "caption, credit, byline, copyright or file name; from/to: days (yyyy-MM-dd, UTC) of the picture's "
            + "making, else of its upload; before: the cursor of the previous page's last entry.")
    @GetMapping
    PicturePage list(@RequestParam(required = false) String q, @RequestParam(required = false) LocalDate from,
                     @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String before,
                     @RequestParam(defaultValue = "20") int limit) {
        FeedCursor cursor = null;
        if (before != null) {
            cursor = FeedCursor.parse(before).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                    "invalid_parameter", "The value of 'before' is not a cursor this API gave."));
        }
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        var found = queries.search(PictureSearch.days(q, from, to), cursor, size);
        return new PicturePage(found.stream().map(picture -> PictureJson.of(picture, baseUrl.get())).toList(),
                PictureAnswers.next(found, size));
    }

    record PicturePage(List<PictureJson> pictures, String next) {
    }

    @Operation(summary = "One picture")
    @GetMapping("/{id}")
    PictureJson read(@PathVariable long id) {
        return queries.find(id).map(picture -> PictureJson.of(picture, baseUrl.get()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "picture_not_found", "No picture has this id."));
    }

    @Operation(summary = "Change a picture's fields", description = "Absent fields keep their value.")
    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> put(@PathVariable long id, @RequestBody PictureRequest request) {
        return answer(update.update(actor(), id, request.fields()), HttpStatus.OK);
    }

    @Operation(summary = "Change a picture's fields (as PUT)")
    @PatchMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> patch(@PathVariable long id, @RequestBody PictureRequest request) {
        return put(id, request);
    }

    @Operation(summary = "Delete a picture", description = "409 picture_in_use while a story shows it or would "
            + "on publication; the answer lists them.")
    @DeleteMapping("/{id}")
    ResponseEntity<?> remove(@PathVariable long id) {
        return answer(delete.delete(actor(), id), HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<?> created(PictureResult result) {
        if (result instanceof PictureResult.Done done) {
            return ResponseEntity.created(URI.create(baseUrl.of("/api/admin/pictures/" + done.picture().id())))
                    .body(PictureJson.of(done.picture(), baseUrl.get()));
        }
        return answer(result, HttpStatus.CREATED);
    }

    private ResponseEntity<?> answer(PictureResult result, HttpStatus success) {
        if (result instanceof PictureResult.Done done) {
            return done.picture() == null ? ResponseEntity.status(success).build()
                    : ResponseEntity.status(success).body(PictureJson.of(done.picture(), baseUrl.get()));
        }
        return Problems.response(PictureAnswers.problem(result));
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "A picture may weigh at most 50 MB.");
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }
}
