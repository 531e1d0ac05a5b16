package org.dateline.media.internal;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.media.DeletePicture;
import org.dateline.media.Picture;
import org.dateline.media.PictureCard;
import org.dateline.media.PictureFields;
import org.dateline.media.PicturePolicy;
import org.dateline.media.PictureProblem;
import org.dateline.media.PictureQueries;
import org.dateline.media.PictureResult;
import org.dateline.media.PictureSearch;
import org.dateline.media.PictureUpload;
import org.dateline.media.PictureUse;
import org.dateline.media.PictureUsers;
import org.dateline.media.UpdatePicture;
import org.dateline.media.UploadPicture;
import org.dateline.media.imaging.ImageInspector;
import org.dateline.media.imaging.ImageRefusal;
import org.dateline.platform.web.Problems;
import org.dateline.shared.FeedCursor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The newsroom's picture library: upload (one file a request: the page's script sends several side by side with a
 * progress bar each and reads JSON; without script the form sends one and lands on its page), the library searched
 * and paged, a picture's page (its words, the focal point, its crops, the stories that show it, delete), and the
 * search the story editor's picker reads. The web chain admits staff; each action is the use case the admin API
 * calls, so {@link PicturePolicy} decides and the answers' codes and statuses are the API's.
 */
@Controller
class NewsroomPicturesController {

    static final int PAGE_SIZE = 24;
    static final int PICKER_SIZE = 12;

    private final UploadPicture upload;
    private final UpdatePicture update;
    private final DeletePicture delete;
    private final PictureQueries queries;
    private final PicturePolicy policy;
    private final ObjectProvider<PictureUsers> users;
    private final StaffPages pages;
    private final CurrentActor currentActor;

    NewsroomPicturesController(UploadPicture upload, UpdatePicture update, DeletePicture delete,
                               PictureQueries queries, PicturePolicy policy, ObjectProvider<PictureUsers> users,
                               StaffPages pages, CurrentActor currentActor) {
        this.upload = upload;
        this.update = update;
        this.delete = delete;
        this.queries = queries;
        this.policy = policy;
        this.users = users;
        this.pages = pages;
        this.currentActor = currentActor;
    }

    @GetMapping("/newsroom/pictures")
    String library(@RequestParam(required = false) String q, @RequestParam(required = false) LocalDate from,
                   @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String before,
                   @RequestParam(required = false) Long deleted, HttpServletRequest request, Model model) {
        actor();
        return render(request, model, new LibraryQuery(q, from, to, before),
                deleted == null ? null : "Picture " + deleted + " was deleted.", List.of());
    }

    /** The picker's search: the newest pictures whose words match, a page at a time. */
    public record PickerPage(List<PictureCard> pictures, String next) {
    }

    @GetMapping(value = "/newsroom/pictures/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    PickerPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String before) {
        actor();
        List<Picture> found = queries.search(new PictureSearch(q, null, null), cursor(before), PICKER_SIZE);
        return new PickerPage(found.stream().map(PictureCard::of).toList(), PictureAnswers.next(found, PICKER_SIZE));
    }

    /** One file from the page's script: the picture's card (201), or the API's problem document. */
    @PostMapping(value = "/newsroom/pictures", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> uploadFile(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        PictureResult result = store(file);
        if (result instanceof PictureResult.Done done) {
            return ResponseEntity.created(URI.create("/newsroom/pictures/" + done.picture().id()))
                    .body(PictureCard.of(done.picture()));
        }
        return Problems.response(PictureAnswers.problem(result));
    }

    /** The form without script: to the new picture's page, or the library again with the refusal. */
    @PostMapping(value = "/newsroom/pictures", produces = MediaType.TEXT_HTML_VALUE)
    String uploadForm(@RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request,
                      HttpServletResponse response, Model model) throws IOException {
        PictureResult result = store(file);
        if (result instanceof PictureResult.Done done) {
            return "redirect:/newsroom/pictures/" + done.picture().id() + "?done=uploaded";
        }
        response.setStatus(PictureAnswers.status(result).value());
        return render(request, model, new LibraryQuery(null, null, null, null), null, problems(result));
    }

    /** A body the multipart reader refuses (larger than a request may be, or broken): the API's codes. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadable(MultipartException e) {
        return Problems.response(e instanceof MaxUploadSizeExceededException
                ? Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, ImageRefusal.TOO_LARGE,
                "A picture may weigh at most 50 MB.")
                : Problems.problem(HttpStatus.BAD_REQUEST, "malformed_multipart",
                "The request body is not a multipart/form-data document with a file."));
    }

    @GetMapping("/newsroom/pictures/{id}")
    String picture(@PathVariable long id, @RequestParam(required = false) String done, HttpServletRequest request,
                   Model model) {
        actor();
        Picture picture = find(id);
        String notice = done == null ? null : switch (done) {
            case "uploaded" -> "Uploaded. Describe it: a story shows it only once it has alt text.";
            case "saved" -> "Saved.";
            default -> null;
        };
        return renderPicture(request, model, picture, PictureForm.of(picture), notice, List.of());
    }

    @PostMapping("/newsroom/pictures/{id}")
    String save(@PathVariable long id, @ModelAttribute PictureForm form, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        PictureResult result = update.update(actor(), id, form.fields());
        if (result instanceof PictureResult.Done) {
            return "redirect:/newsroom/pictures/" + id + "?done=saved";
        }
        response.setStatus(PictureAnswers.status(result).value());
        return renderPicture(request, model, find(id), form, null, problems(result));
    }

    /** The focal point as the page's script sets it with a click: the crops' new addresses, or the refusal. */
    public record FocalPoint(int focalX, int focalY, List<PictureView.CropView> crops) {
    }

    @PostMapping(value = "/newsroom/pictures/{id}/focal-point", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> focalPoint(@PathVariable long id, @RequestParam(required = false) Integer focalX,
                                 @RequestParam(required = false) Integer focalY) {
        if (focalX == null || focalY == null) {
            return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "required",
                    "Send focalX and focalY, thousandths of the width and height (0 to 1000)."));
        }
        PictureResult result = update.update(actor(), id, new PictureFields(null, null, null, null, null, null,
                focalX, focalY));
        if (result instanceof PictureResult.Done done) {
            Picture picture = done.picture();
            return ResponseEntity.ok(new FocalPoint(picture.focalX(), picture.focalY(), PictureView.crops(picture)));
        }
        return Problems.response(PictureAnswers.problem(result));
    }

    @PostMapping("/newsroom/pictures/{id}/delete")
    String remove(@PathVariable long id, @RequestParam(required = false) String confirmDelete,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Actor actor = actor();
        if (!"on".equals(confirmDelete)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Picture picture = find(id);
            return renderPicture(request, model, picture, PictureForm.of(picture), null,
                    List.of(new AccountResult.Problem("confirmDelete", "required",
                            "Tick the box to confirm: a deleted picture cannot come back.")));
        }
        PictureResult result = delete.delete(actor, id);
        if (result instanceof PictureResult.Done) {
            return "redirect:/newsroom/pictures?deleted=" + id;
        }
        response.setStatus(PictureAnswers.status(result).value());
        Picture picture = find(id);
        return renderPicture(request, model, picture, PictureForm.of(picture), null, problems(result));
    }

    private PictureResult store(MultipartFile file) throws IOException {
        Actor actor = actor();
        if (file != null && file.getSize() > ImageInspector.MAX_BYTES) {
            return new PictureResult.Rejected(List.of(new PictureProblem("file",
                    ImageRefusal.TOO_LARGE, "A picture may weigh at most 50 MB.")));
        }
        return upload.upload(actor, PictureUpload.of(file == null ? new byte[0] : file.getBytes(),
                file == null ? null : file.getContentType(), file == null ? null : file.getOriginalFilename(),
                PictureFields.none()));
    }

    private String render(HttpServletRequest request, Model model, LibraryQuery query, String notice,
                          List<AccountResult.Problem> problems) {
        List<Picture> found = queries.search(PictureSearch.days(query.q(), query.from(), query.to()),
                cursor(query.before()), PAGE_SIZE);
        model.addAttribute("page", pages.page(request, "Pictures", notice, problems));
        model.addAttribute("query", query);
        model.addAttribute("pictures", found.stream().map(PictureCard::of).toList());
        model.addAttribute("next", query.nextPage(PictureAnswers.next(found, PAGE_SIZE)));
        return "newsroom/pictures";
    }

    private String renderPicture(HttpServletRequest request, Model model, Picture picture, PictureForm form,
                                 String notice, List<AccountResult.Problem> problems) {
        Actor actor = actor();
        PictureUsers implementation = users.getIfAvailable();
        List<PictureUse> uses = implementation == null ? List.of() : implementation.usesOf(picture.id());
        model.addAttribute("page", pages.page(request, PictureCard.label(picture), notice, problems));
        model.addAttribute("view", PictureView.of(picture, uses, policy.canDelete(actor, picture)));
        model.addAttribute("form", form);
        return "newsroom/picture";
    }

    /** The use case's problems as the page names them: beside their fields, a refusal above the form. */
    private static List<AccountResult.Problem> problems(PictureResult result) {
        List<AccountResult.Problem> problems = new ArrayList<>();
        if (result instanceof PictureResult.Rejected rejected) {
            rejected.problems().forEach(p -> problems.add(new AccountResult.Problem(p.field(), p.code(), p.message())));
        } else if (result instanceof PictureResult.Refused refused) {
            problems.add(new AccountResult.Problem("", refused.code(), refused.message()));
        }
        return problems;
    }

    private static FeedCursor cursor(String before) {
        Optional<FeedCursor> cursor = FeedCursor.parse(before);
        return cursor.orElse(null);
    }

    private Picture find(long id) {
        return queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
