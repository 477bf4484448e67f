package org.consilium.security;

import org.consilium.member.MemberService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class ConsiliumUserDetailsService implements UserDetailsService {

    private final MemberService members;

    ConsiliumUserDetailsService(MemberService members) {
        this.members = members;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return members.findAccount(username).map(ConsiliumUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
