" Drives a real Vim (9, silent Ex mode) with ALE (3.3) as a writer would use baogao in it: the vimrc is
" README's configuration (given with -u by test/editors/vim.test.ts); this script opens a report, reads the
" diagnostics ALE shows (its location list: byte columns in Vim's buffer lines), types a character and
" undoes it, asks hover, references and go to definition with ALE's commands, completes with
" its omnifunc, renames, and stops the server.
" Everything seen goes to one JSON file the test compares with the `baogao` command. Inputs come from the
" environment (see the test). Ex mode has no main loop: `:sleep` is where ALE's jobs and timers run.
let s:plan = json_decode($BAOGAO_PLAN)
let s:out = {'steps': {}}
let s:published = 0
" ALE's own event after it has shown a linter's results (every publication of the server's diagnostics).
autocmd User ALELintPost let s:published += 1

function! s:Finish() abort
  call writefile([json_encode(s:out)], $BAOGAO_OUT)
  qall!
endfunction

" Sleeps (so ALE's jobs and timers run) until Condition() is true or `seconds` have passed.
function! s:Wait(Condition, seconds) abort
  let l:start = reltime()
  while !a:Condition()
    if reltimefloat(reltime(l:start)) > a:seconds | return 0 | endif
    sleep 20m
  endwhile
  return 1
endfunction

" Waits for a publication after `seen` earlier ones, then for 400 ms without another.
function! s:Settle(seen) abort
  if !s:Wait({-> s:published > a:seen}, 30) | return 0 | endif
  let l:last = -1
  while l:last != s:published
    let l:last = s:published
    call s:Wait({-> s:published > l:last}, 0.4)
  endwhile
  return 1
endfunction

" What ALE shows: its location list for the buffer (lnum, col and end_col in bytes, type E or W).
function! s:Seen() abort
  let l:list = get(get(g:ale_buffer_info, bufnr(''), {}), 'loclist', [])
  let l:diagnostics = map(copy(l:list), {_, d -> {'code': get(d, 'code', ''), 'lnum': d.lnum, 'col': d.col,
        \ 'end_lnum': get(d, 'end_lnum', d.lnum), 'end_col': get(d, 'end_col', d.col), 'type': d.type}})
  return {'diagnostics': l:diagnostics, 'lines': getline(1, '$')}
endfunction

" What a user does after a change in Normal mode: Vim's main loop fires TextChanged, on which ALE lints.
function! s:Changed() abort
  doautocmd <nomodeline> TextChanged
endfunction

" The preview window's lines after an ALE command that answers there (hover, references).
function! s:Preview() abort
  for l:win in range(1, winnr('$'))
    if getwinvar(l:win, '&previewwindow') | return getbufline(winbufnr(l:win), 1, '$') | endif
  endfor
  return []
endfunction

function! s:Run() abort
  execute 'edit' fnameescape($BAOGAO_REPORT)
  if &filetype !=# 'baogao' | throw 'the vimrc gave filetype "' . &filetype . '", not baogao' | endif
  if !s:Settle(0) | throw 'no diagnostics shown after opening (ALE: ' . string(get(g:ale_buffer_info, bufnr(''), {})) . ')' | endif
  let s:out.steps.opened = s:Seen()

  " Typing: one character inserted at the plan's byte column in Normal mode, then undone.
  let l:seen = s:published
  call cursor(s:plan.type.line + 1, s:plan.type.byte + 1)
  let &undolevels = &undolevels
  execute 'normal! i' . s:plan.type.text
  call s:Changed()
  if !s:Settle(l:seen) | throw 'no diagnostics shown after typing' | endif
  let s:out.steps.typed = s:Seen()
  let l:seen = s:published
  silent undo
  call s:Changed()
  if !s:Settle(l:seen) | throw 'no diagnostics shown after undo' | endif
  let s:out.steps.undone = s:Seen()

  " Requests at the cursor, with ALE's commands, at byte columns the test chose.
  if has_key(s:plan, 'hover')
    let g:ale_hover_to_preview = 1
    call cursor(s:plan.hover.line + 1, s:plan.hover.byte + 1)
    ALEHover
    call s:Wait({-> !empty(s:Preview())}, 10)
    let s:out.steps.hover = s:Preview()
    pclose
  endif
  if has_key(s:plan, 'references')
    call cursor(s:plan.references.line + 1, s:plan.references.byte + 1)
    ALEFindReferences -quickfix
    call s:Wait({-> !empty(getqflist())}, 10)
    let s:out.steps.references = map(getqflist(), {_, q -> {'lnum': q.lnum, 'col': q.col}})
    execute 'buffer' fnameescape($BAOGAO_REPORT)
  endif
  if has_key(s:plan, 'definition')
    call cursor(s:plan.definition.line + 1, s:plan.definition.byte + 1)
    let l:from = getcurpos()
    ALEGoToDefinition
    call s:Wait({-> getcurpos() != l:from}, 10)
    let s:out.steps.definition = {'lnum': line('.'), 'col': col('.'), 'file': expand('%:p')}
  endif

  " Completion as <C-x><C-o> in Insert mode gives it (the vimrc sets ALE's omnifunc): the menu's items,
  " read while it is open, and the line with the first one inserted.
  if has_key(s:plan, 'completion')
    call cursor(s:plan.completion.line + 1, s:plan.completion.byte)
    let s:menu = {}
    function! s:Menu() abort
      let s:menu = complete_info(['items'])
      return ''
    endfunction
    execute "normal! a\<C-x>\<C-o>\<C-r>=\<SID>Menu()\<CR>"
    let s:out.steps.completion = {'items': map(get(s:menu, 'items', []), {_, i -> {'word': i.word, 'menu': i.menu}}), 'line': getline('.')}
    silent undo
  endif

  " Rename: the new name answers ALE's prompt (its input(), replaced here as ALE's own tests do).
  if has_key(s:plan, 'rename')
    runtime autoload/ale/util.vim
    function! ale#util#Input(message, value, ...) abort
      return s:plan.rename.newName
    endfunction
    call cursor(s:plan.rename.line + 1, s:plan.rename.byte + 1)
    let l:before = getline(1, '$')
    ALERename
    call s:Wait({-> getline(1, '$') != l:before}, 10)
    let s:out.steps.renamed = getline(1, '$')
  endif

  " Stopping: ALE stops the server's job (in Vim its id is the process id, a shell running the command);
  " the test checks that none of these processes outlives Vim.
  let l:jobs = map(values(ale#lsp#GetConnections()), {_, c -> get(c, 'job_id', 0)})
  let s:out.steps.serverPids = l:jobs + map(copy(l:jobs), {_, j -> systemlist('pgrep -P ' . j)})->flatten()->map({_, p -> str2nr(p)})
  ALEStopAllLSPs
  let s:out.steps.stopped = s:Wait({-> empty(filter(copy(l:jobs), {_, j -> ale#job#IsRunning(j)}))}, 10)
endfunction

try
  call s:Run()
catch
  let s:out.error = v:exception . ' (' . v:throwpoint . ')'
endtry
call s:Finish()
